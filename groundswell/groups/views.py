"""Public group pages (find, read, join, leave) and the coordinators' pages under groups/org/."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groundswell.accounts.permissions import (
    access_group,
    require_organiser_pages,
    visible_groups,
)
from groundswell.core.csvsafe import csv_text

from . import events, queries, services
from .forms import FindForm, GroupForm, UpdateForm
from .models import Membership

MEMBERS_SHOWN = 500  # on the dashboard; the CSV export holds everyone

# --- Public -----------------------------------------------------------------------------------


@require_GET
def group_list(request):
    form = FindForm(request.GET or None)
    found = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        near = form.near()
        found = queries.find_groups(
            near=near, km=data["km"] or 50, language=data["language"], campaign=data["campaign"]
        )
    elif not form.is_bound:
        found = queries.find_groups()
    return render(request, "groups/group_list.html", {"form": form, "found": found})


def _public_group(slug):
    return get_object_or_404(queries.public_groups(), slug=slug)


@require_GET
def group_detail(request, slug):
    group = _public_group(slug)
    person = getattr(request.user, "person", None) if request.user.is_authenticated else None
    membership = queries.membership_of(group, person)
    member = membership is not None and membership.is_active
    context = {
        "group": group,
        "membership": membership,
        "coordinators": queries.coordinator_first_names(group),
        "campaigns": group.campaigns.all(),
    }
    if member:
        context |= {
            "events": events.upcoming_events(group),
            "actions": queries.live_actions(group),
            "updates": queries.updates(group),
        }
    return render(request, "groups/group_detail.html", context)


@require_POST
@login_required
def group_join(request, slug):
    group = _public_group(slug)
    try:
        membership = services.join_group(group, request.user.person, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("groups:group-detail", slug=slug)
    if membership.is_active:
        messages.success(request, _("Welcome to %(group)s!") % {"group": group.name})
    else:
        messages.success(request, _("Your request is sent: a coordinator will answer it soon."))
    return redirect("groups:group-detail", slug=slug)


@require_POST
@login_required
def group_leave(request, slug):
    group = _public_group(slug)
    if request.user.person is not None:
        services.leave_group(group, request.user.person, actor=request.user)
    messages.success(request, _("You have left %(group)s.") % {"group": group.name})
    return redirect("groups:group-detail", slug=slug)


# --- Coordinators -----------------------------------------------------------------------------


@login_required
@require_GET
def org_tree(request):
    require_organiser_pages(request.user)
    groups = queries.tree(visible_groups(request.user))
    top = min((group.depth for group in groups), default=0)
    rows = [(group, min(group.depth - top, 6)) for group in groups]
    return render(request, "groups/org_tree.html", {"rows": rows})


@login_required
@require_GET
def org_group(request, slug):
    group = access_group(request.user, slug)
    scope = queries.subtree([group])
    members = list(queries.members(scope)[: MEMBERS_SHOWN + 1])
    context = {
        "group": group,
        "children": queries.tree(scope.exclude(pk=group.pk)),
        "members": members[:MEMBERS_SHOWN],
        "more_members": len(members) > MEMBERS_SHOWN,
        "ready": queries.ready_for_next_step(members),
        "pending": queries.pending_requests(scope),
        "host_requests": events.host_requests(scope),
        "totals": queries.totals(scope),
        "updates": queries.updates(group, limit=5),
        "update_form": UpdateForm(),
    }
    return render(request, "groups/org_group.html", context)


@login_required
@require_GET
def org_members_csv(request, slug):
    group = access_group(request.user, slug)
    header = [
        _("Given name"), _("Family name"), _("Email"), _("Phone"), _("Group"), _("Role"),
        _("Stage"), _("Last activity"), _("Joined"),
    ]  # fmt: skip
    rows = (_csv_row(m) for m in queries.members(queries.subtree([group])))
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{group.slug}-members.csv"'
    return response


def _csv_row(membership):
    person, stats = membership.person, getattr(membership.person, "stats", None)
    stage = stats.stage.display_name if stats is not None and stats.stage else ""
    last = stats.last_activity_at.date().isoformat() if stats and stats.last_activity_at else ""
    return [
        person.given_name, person.family_name, person.email, person.phone,
        membership.group.name, membership.get_role_display(), stage, last,
        membership.joined_at.date().isoformat(),
    ]  # fmt: skip


def _request_in(request, slug, pk):
    group = access_group(request.user, slug)
    scope = queries.subtree([group])
    return group, get_object_or_404(Membership, pk=pk, group__in=scope)


@login_required
@require_POST
def org_request_approve(request, slug, pk):
    group, membership = _request_in(request, slug, pk)
    services.approve_join(membership, actor=request.user)
    name = membership.person.display_name
    messages.success(request, _("%(name)s is now a member.") % {"name": name})
    return redirect("groups:org-group", slug=group.slug)


@login_required
@require_POST
def org_request_decline(request, slug, pk):
    group, membership = _request_in(request, slug, pk)
    try:
        services.decline_join(membership, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("groups:org-group", slug=group.slug)


@login_required
@require_POST
def org_coordinator(request, slug, pk):
    group = access_group(request.user, slug)
    membership = get_object_or_404(Membership, pk=pk, group=group)
    coordinator = request.POST.get("coordinator") == "1"
    try:
        services.set_coordinator(
            group, membership.person, coordinator=coordinator, actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("groups:org-group", slug=group.slug)


@login_required
@require_POST
def org_update_post(request, slug):
    group = access_group(request.user, slug)
    form = UpdateForm(request.POST)
    if form.is_valid():
        try:
            services.post_update(group, text=form.cleaned_data["text"], actor=request.user)
            messages.success(request, _("Your update is posted."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, _("Write something before posting an update."))
    return redirect("groups:org-group", slug=group.slug)


@login_required
def org_edit(request, slug):
    group = access_group(request.user, slug, write=True)
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.update_group(group, actor=request.user, **form.changes())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The group is saved."))
            return redirect("groups:org-group", slug=group.slug)
    return render(request, "groups/org_group_form.html", {"form": form, "group": group})


@login_required
def org_create(request, slug):
    parent = access_group(request.user, slug, write=True)
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        changes = form.changes()
        try:
            group = services.create_group(
                changes.pop("name"), parent=parent, actor=request.user, **changes
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, _("The group is created."))
            return redirect("groups:org-group", slug=group.slug)
    context = {"form": form, "parent": parent}
    return render(request, "groups/org_group_form.html", context)
