"""Public event pages (find, RSVP, calendar, check-in, feedback) and hosts' and organisers'
pages under events/org/ (scoped: another group's event is a 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groundswell.accounts.permissions import (
    can_use_organiser_pages,
    is_organiser,
    require_organiser_pages,
    visible_groups,
)
from groundswell.groups.models import Group

from . import ical, queries, services
from .forms import CheckInForm, EventForm, FeedbackForm, RejectForm, RSVPForm, SearchForm
from .models import RSVP, Event
from .permissions import access_event, approvable_events, manageable_events

PAGE_SIZE = 20
SESSION_KEY = "events.rsvps"  # {event id: rsvp id}: who this browser RSVPed as


# --- Public pages ----------------------------------------------------------------------------


def event_list(request):
    form = SearchForm(request.GET or None)
    search = form.search() if form.is_valid() else queries.Search()
    found = queries.find_events(search) if not form.errors else []
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "events/event_list.html", context)


def _public_event(slug):
    return get_object_or_404(queries.public_events(), slug=slug)


def _current_rsvp(request, event):
    """The RSVP of whoever is looking: the signed-in person's, or the one this browser made."""
    person_id = getattr(request.user, "person_id", None)
    if person_id:
        return RSVP.objects.filter(event=event, person_id=person_id).first()
    rsvp_id = request.session.get(SESSION_KEY, {}).get(str(event.pk))
    return RSVP.objects.filter(pk=rsvp_id, event=event).first() if rsvp_id else None


def _remember(request, found):
    request.session[SESSION_KEY] = {
        **request.session.get(SESSION_KEY, {}),
        str(found.event_id): found.pk,
    }


def event_detail(request, slug, form=None):
    event = _public_event(slug)
    found = _current_rsvp(request, event)
    context = {
        "event": event,
        "rsvp": found,
        "going": found is not None and found.status in services.ACTIVE,
        "counts": queries.counts(event),
        "form": form or (None if getattr(request.user, "person_id", None) else RSVPForm()),
    }
    return render(request, "events/event_detail.html", context, status=400 if form else 200)


@require_POST
def rsvp(request, slug):
    event = _public_event(slug)
    person = getattr(request.user, "person", None) if request.user.is_authenticated else None
    form = None if person else RSVPForm(request.POST)
    if form is not None and not form.is_valid():
        return event_detail(request, slug, form=form)
    try:
        if person is not None:
            found, _created = services.rsvp(event, person=person)
        else:
            data = form.cleaned_data
            found, _created = services.rsvp_as_guest(
                event, given_name=data["given_name"], email=data["email"],
                consent=data["consent"], language=get_language(),
            )  # fmt: skip
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("events:detail", slug=event.slug)
    _remember(request, found)
    messages.success(request, _rsvp_message(found))
    return redirect("events:detail", slug=event.slug)


def _rsvp_message(found):
    if found.status == RSVP.Status.GOING:
        return _("You are going. We will remind you a day and an hour before.")
    return _("The event is full: you are number %(n)d on the waitlist.") % {"n": found.position}


@require_POST
def cancel_rsvp(request, slug):
    event = _public_event(slug)
    found = _current_rsvp(request, event)
    if found is None:
        raise Http404
    services.cancel_rsvp(found, actor=request.user)
    messages.success(request, _("Your RSVP is cancelled."))
    return redirect("events:detail", slug=event.slug)


def rsvp_manage(request, token):
    """The link in every mail: see the RSVP (and the joining link), or cancel it."""
    found = services.rsvp_from_token(token)
    if found is None:
        raise Http404
    _remember(request, found)
    if request.method == "POST":
        services.cancel_rsvp(found)
        messages.success(request, _("Your RSVP is cancelled."))
    return redirect("events:detail", slug=found.event.slug)


def event_ics(request, slug):
    event = _public_event(slug)
    return _calendar_response(ical.calendar([event]), f"{event.slug}.ics")


def group_calendar(request, slug):
    group = get_object_or_404(Group, slug=slug)
    events = queries.group_calendar_events(group)
    return _calendar_response(ical.calendar(events, name=group.name), f"{group.slug}.ics")


def _calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def check_in(request, slug):
    """The attendee types the code shown at the event (or scans its QR, which fills it in)."""
    event = _public_event(slug)
    found = _current_rsvp(request, event)
    form = CheckInForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    if request.method == "POST" and form.is_valid():
        person = found.person if found else _person_by_email(form.cleaned_data["email"])
        try:
            services.check_in_with_code(event, person=person, code=form.cleaned_data["code"])
        except ValidationError as exc:
            form.add_error("code", exc)
        else:
            return render(request, "events/check_in_done.html", {"event": event})
    context = {"event": event, "form": form, "known": found is not None}
    return render(request, "events/check_in.html", context)


def _person_by_email(email):
    from groundswell.people.models import Person

    return Person.objects.filter(email=(email or "").strip().lower()).first() if email else None


def feedback(request, token):
    found = services.rsvp_from_token(token)
    if found is None:
        raise Http404
    initial = {"rating": request.GET.get("rating")}
    form = FeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.give_feedback(found, rating=data["rating"], comment=data["comment"])
        return render(request, "events/feedback_done.html", {"event": found.event})
    return render(request, "events/feedback.html", {"event": found.event, "form": form})


@login_required
def propose(request):
    """A supporter proposes to host an event; a coordinator or HQ approves it."""
    person = request.user.person
    if person is None:
        raise PermissionDenied
    groups = Group.objects.filter(memberships__person=person).order_by("name")
    form = EventForm(request.POST or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_event(person=person, actor=request.user, **form.event_values())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Thank you! Your event waits for a coordinator's approval.")
            )
            return redirect("events:propose")
    hosted = Event.objects.filter(host=person).order_by("-starts_at")[:20]
    return render(request, "events/propose.html", {"form": form, "hosted": hosted})


# --- Organiser and host pages (events/org/) --------------------------------------------------


@login_required
def org_list(request):
    require_organiser_pages(request.user)
    events = manageable_events(request.user).select_related("group", "host").order_by("-starts_at")
    status = request.GET.get("status", "")
    if status in Event.Status.values:
        events = events.filter(status=status)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "status": status, "statuses": Event.Status.choices}
    return render(request, "events/org_list.html", context)


@login_required
def org_create(request):
    require_organiser_pages(request.user)
    groups = visible_groups(request.user).order_by("name")
    form = EventForm(
        request.POST or None, groups=groups, group_required=not is_organiser(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            event = services.create_event(
                actor=request.user, host=request.user.person, **form.event_values()
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The event is published."))
            return redirect("events:org-attendees", slug=event.slug)
    return render(request, "events/org_form.html", {"form": form, "event": None})


@login_required
def org_edit(request, slug):
    event = access_event(request.user, slug)
    groups = visible_groups(request.user) | Group.objects.filter(pk=event.group_id)
    form = EventForm(
        request.POST or None, initial=EventForm.initial_for(event), groups=groups.distinct()
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_event(event, actor=request.user, **form.event_values())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The event is saved."))
            return redirect("events:org-attendees", slug=event.slug)
    return render(request, "events/org_form.html", {"form": form, "event": event})


@login_required
def org_queue(request):
    require_organiser_pages(request.user)
    events = queries.proposals(approvable_events(request.user)).order_by("starts_at")
    return render(request, "events/org_queue.html", {"events": events, "form": RejectForm()})


@login_required
@require_POST
def org_approve(request, slug):
    event = access_event(request.user, slug, approve=True)
    return _decide(request, lambda: services.approve_event(event, actor=request.user))


@login_required
@require_POST
def org_reject(request, slug):
    event = access_event(request.user, slug, approve=True)
    form = RejectForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _decide(request, lambda: services.reject_event(event, actor=request.user, reason=reason))


def _decide(request, decide):
    try:
        event = decide()
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("%(event)s: %(status)s.") % {
            "event": event.display_title, "status": event.get_status_display()
        })  # fmt: skip
    return redirect("events:org-queue")


@login_required
@require_POST
def org_cancel(request, slug):
    event = access_event(request.user, slug)
    services.cancel_event(event, actor=request.user, reason=request.POST.get("reason", ""))
    messages.success(request, _("The event is cancelled; people who RSVPed are told."))
    return redirect("events:org-attendees", slug=event.slug)


@login_required
def org_attendees(request, slug):
    """The host's list: who is going and on the waitlist, check-in by tapping, the code."""
    event = access_event(request.user, slug)
    if request.method == "POST":
        found = get_object_or_404(RSVP, event=event, pk=request.POST.get("rsvp", ""))
        services.check_in(found, actor=request.user, method="host")
        return redirect("events:org-attendees", slug=event.slug)
    context = {
        "event": event,
        "attendees": queries.attendees(event),
        "counts": queries.counts(event),
        "can_approve": approvable_events(request.user).filter(pk=event.pk).exists(),
        "can_export": can_use_organiser_pages(request.user),
        **_check_in_links(event),
    }
    return render(request, "events/org_attendees.html", context)


def _check_in_links(event):
    """The check-in page with the code filled in, and the address of its QR code."""
    from groundswell.amplification.services import absolute, with_params

    path = with_params(reverse("events:check-in", args=[event.slug]), code=event.check_in_code)
    return {
        "check_in_url": absolute(path),
        "qr_url": with_params(reverse("amplification:qr"), u=path),
    }
