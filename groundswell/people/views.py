"""Organiser pages about people: the list with its segment builder, saved segments, one person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groundswell.accounts.permissions import access_person, require_organiser_pages
from groundswell.core.criteria import describe
from groundswell.journeys.models import Stage

from . import queries, services
from .builder import ListFilter, SegmentForm, criteria_json

PEOPLE_PER_PAGE = 50
TIMELINE_PER_PAGE = 25
SEGMENTS_PER_PAGE = 25


def stage_choices():
    return [(stage.slug, stage.display_name) for stage in Stage.objects.order_by("order")]


@login_required
def person_list(request):
    require_organiser_pages(request.user)
    listing = ListFilter(request.GET, user=request.user, stage_choices=stage_choices())
    page = None
    if listing.valid:
        people = queries.people_list(
            request.user, search=listing.search, criteria_q=listing.node and listing.node.to_q()
        )
        page = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "listing": listing,
        "page": page,
        "description": describe(listing.node) if listing.node is not None else "",
        "segment_form": SegmentForm(initial={"criteria": listing.text}),
        "tag_names": queries.tag_names(),
    }
    return render(request, "people/person_list.html", context)


@login_required
def person_detail(request, uuid):
    person = access_person(request.user, uuid)
    timeline = Paginator(queries.person_timeline(person), TIMELINE_PER_PAGE)
    context = {
        "profile": queries.person_profile(request.user, person),
        "person": person,
        "timeline": timeline.get_page(request.GET.get("page")),
    }
    return render(request, "people/person_detail.html", context)


@login_required
def segment_list(request):
    require_organiser_pages(request.user)
    segments = queries.visible_segments(request.user).select_related("created_by")
    page = Paginator(segments, SEGMENTS_PER_PAGE).get_page(request.GET.get("page"))
    rows = [(segment, queries.segment_size(request.user, segment)) for segment in page]
    return render(request, "people/segment_list.html", {"page": page, "rows": rows})


@login_required
@require_POST
def segment_create(request):
    require_organiser_pages(request.user)
    form = SegmentForm(request.POST)
    if not form.is_valid():
        return render(request, "people/segment_form.html", {"form": form}, status=400)
    segment = services.save_segment(
        form.cleaned_data["name"], criteria=form.cleaned_data["criteria"], actor=request.user
    )
    messages.success(request, _("Segment “%(name)s” saved.") % {"name": segment.name})
    return redirect(f"{reverse('people:person-list')}?segment={segment.pk}")


@login_required
def segment_edit(request, pk):
    require_organiser_pages(request.user)
    segment = queries.access_segment(request.user, pk)
    initial = {"name": segment.name, "criteria": criteria_json(segment.criteria)}
    form = SegmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_segment(segment, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Segment “%(name)s” saved.") % {"name": segment.name})
        return redirect("people:segment-list")
    return render(request, "people/segment_form.html", {"form": form, "segment": segment})


@login_required
def segment_delete(request, pk):
    require_organiser_pages(request.user)
    segment = queries.access_segment(request.user, pk)
    if request.method == "POST":
        services.delete_segment(segment, actor=request.user)
        messages.success(request, _("Segment “%(name)s” deleted.") % {"name": segment.name})
        return redirect("people:segment-list")
    return render(request, "people/segment_confirm_delete.html", {"segment": segment})
