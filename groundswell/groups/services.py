"""State changes for groups and the team tree: creating and moving groups, joining, join
requests, coordinators and group updates. Every one is atomic and safe to repeat."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from groundswell.core.audit import audit
from groundswell.core.geo import valid_coordinates
from groundswell.core.i18n import language_codes
from groundswell.journeys.services import record_activity

from .models import Group, GroupUpdate, Membership

MESSAGES = {
    "name": _("Give the group a name."),
    "slug": _("Give the group a web address made of letters, digits and hyphens."),
    "slug_taken": _("Another group already has this web address."),
    "cycle": _("A group cannot be placed below itself or below one of its own groups."),
    "too_deep": _("The team tree cannot go this deep."),
    "coordinates": _("Latitude must be between -90 and 90 and longitude between -180 and 180."),
    "both_coordinates": _("Give both a latitude and a longitude, or neither."),
    "language": _("%(code)s is not a language code (two or three letters, like fr or wo)."),
    "description": _("The description is a text per language."),
    "no_person": _("Only someone with a supporter profile can join a group."),
    "not_pending": _("This person is already a member; there is no request to decline."),
    "not_member": _("Only a member of the group can coordinate it."),
    "empty_update": _("Write something before posting an update."),
}
RESERVED_SLUGS = {"org"}  # /groups/org/ is the coordinators' area
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
GROUP_FIELDS = (
    "name", "slug", "country", "locality", "description", "area", "latitude", "longitude",
    "languages", "join_policy",
)  # fmt: skip


# --- The tree ---------------------------------------------------------------------------------


@transaction.atomic
def create_group(name, *, parent=None, slug=None, campaigns=(), actor=None, **fields):
    """Create a group under `parent` (None for the top of the tree), checked before anything is
    written; the top is HQ, and a local group that gets a group below it becomes a hub."""
    fields.setdefault("kind", Group.Kind.HQ if parent is None else Group.Kind.LOCAL)
    group = Group(name=name, parent=parent, slug=slug or slugify(name)[:50], **fields)
    _check(group)
    group.save()
    group.path = f"{parent.path if parent else '/'}{group.pk}/"
    group.save(update_fields=["path"])
    if campaigns:
        group.campaigns.set(campaigns)
    _promote_to_hub(parent)
    audit("group.created", group, actor=actor, parent=parent.pk if parent else None)
    return group


@transaction.atomic
def update_group(group, *, actor=None, campaigns=None, **changes):
    """Change a group's details or move it elsewhere in the tree (its subtree moves with it)."""
    group = Group.objects.select_for_update().get(pk=group.pk)
    old_parent, old_path = group.parent, group.path
    for name, value in changes.items():
        if name not in (*GROUP_FIELDS, "parent"):
            raise TypeError(f"update_group() got an unexpected field {name!r}")
        setattr(group, name, value)
    _check(group)
    if group.parent_id != (old_parent.pk if old_parent else None):
        _move(group, old_path)
    group.save()
    if campaigns is not None:
        group.campaigns.set(campaigns)
    _promote_to_hub(group.parent)
    audit("group.updated", group, actor=actor, fields=sorted(changes))
    return group


def _move(group, old_path):
    """Rewrite the materialised path of `group` and every group below it."""
    group.path = f"{group.parent.path if group.parent else '/'}{group.pk}/"
    if len(group.path) > 200:
        raise ValidationError({"parent": MESSAGES["too_deep"]})
    below = Group.objects.filter(path__startswith=old_path).exclude(pk=group.pk)
    for child in below:
        child.path = group.path + child.path[len(old_path) :]
        if len(child.path) > 255:
            raise ValidationError({"parent": MESSAGES["too_deep"]})
        child.save(update_fields=["path"])


def _promote_to_hub(parent):
    if parent is not None and parent.kind == Group.Kind.LOCAL:
        Group.objects.filter(pk=parent.pk).update(kind=Group.Kind.HUB)
        parent.kind = Group.Kind.HUB


def _check(group):
    """Raise a ValidationError (field -> translated messages) unless the group makes sense."""
    errors = {}
    group.name = (group.name or "").strip()
    if not group.name:
        errors["name"] = MESSAGES["name"]
    if not group.slug or slugify(group.slug) != group.slug or group.slug in RESERVED_SLUGS:
        errors["slug"] = MESSAGES["slug"]
    elif Group.objects.filter(slug=group.slug).exclude(pk=group.pk).exists():
        errors["slug"] = MESSAGES["slug_taken"]
    if group.pk and group.parent_id and f"/{group.pk}/" in group.parent.path:
        errors["parent"] = MESSAGES["cycle"]
    errors |= _coordinate_errors(group)
    bad = [code for code in group.languages or [] if not LANGUAGE.match(str(code))]
    if not isinstance(group.languages, list) or bad:
        errors["languages"] = MESSAGES["language"] % {"code": ", ".join(map(str, bad))}
    if not _is_text_per_language(group.description):
        errors["description"] = MESSAGES["description"]
    if errors:
        raise ValidationError(errors)


def _coordinate_errors(group):
    lat, lon = group.latitude, group.longitude
    if lat is None and lon is None:
        return {}
    if lat is None or lon is None:
        return {"latitude": MESSAGES["both_coordinates"]}
    if not valid_coordinates(lat, lon):
        return {"latitude": MESSAGES["coordinates"]}
    group.latitude, group.longitude = float(lat), float(lon)
    return {}


def _is_text_per_language(value):
    languages = set(language_codes())
    return isinstance(value, dict) and all(
        code in languages and isinstance(text, str) for code, text in value.items()
    )


# --- Members ----------------------------------------------------------------------------------


@transaction.atomic
def add_member(group, person, *, role=Membership.Role.MEMBER, actor=None):
    """Make `person` an active member (or coordinator) of `group`; adding twice changes only the
    role. For organisers and seeding; supporters go through join_group."""
    membership, created = Membership.objects.get_or_create(
        group=group, person=person, defaults={"role": role}
    )
    if not created and (membership.role != role or not membership.is_active):
        membership.role, membership.status = role, Membership.Status.ACTIVE
        membership.save(update_fields=["role", "status"])
    audit("group.member_added", membership, actor=actor, role=role)
    return membership


@transaction.atomic
def join_group(group, person, *, actor=None):
    """`person` joins `group`: at once when it is open, as a request a coordinator decides
    otherwise. A repeat join is the same membership (a declined request is asked again)."""
    if person is None:
        raise ValidationError(MESSAGES["no_person"])
    membership = Membership.objects.select_for_update().filter(group=group, person=person).first()
    if membership is not None and membership.status != Membership.Status.DECLINED:
        return membership
    now = timezone.now()
    if membership is None:
        membership = Membership(group=group, person=person)
    membership.decided_at = membership.decided_by = None
    if group.join_policy == Group.JoinPolicy.OPEN:
        membership.status, membership.requested_at = Membership.Status.ACTIVE, None
        membership.save()
        record_activity(person, "group_joined", object_type="group", object_id=group.pk)
        audit("group.joined", membership, actor=actor)
    else:
        membership.status, membership.requested_at = Membership.Status.PENDING, now
        membership.save()
        audit("group.join_requested", membership, actor=actor)
    return membership


def _check_leads(actor, group):
    """Only HQ, organisers and coordinators of the group or a group above it decide for it."""
    from groundswell.accounts.permissions import visible_groups

    if actor is None or not visible_groups(actor).filter(pk=group.pk).exists():
        raise PermissionDenied


@transaction.atomic
def approve_join(membership, *, actor):
    """Accept a join request: the person becomes an active member (approving twice is a no-op)."""
    membership = (
        Membership.objects.select_for_update().select_related("group").get(pk=membership.pk)
    )
    _check_leads(actor, membership.group)
    if membership.is_active:
        return membership
    membership.status = Membership.Status.ACTIVE
    membership.decided_at, membership.decided_by = timezone.now(), actor
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    record_activity(
        membership.person, "group_joined", object_type="group", object_id=membership.group_id
    )
    audit("group.join_approved", membership, actor=actor)
    return membership


@transaction.atomic
def decline_join(membership, *, actor):
    """Turn down a join request; the person may ask again later. Members are not removed."""
    membership = (
        Membership.objects.select_for_update().select_related("group").get(pk=membership.pk)
    )
    _check_leads(actor, membership.group)
    if membership.is_active:
        raise ValidationError(MESSAGES["not_pending"])
    if membership.status == Membership.Status.DECLINED:
        return membership
    membership.status = Membership.Status.DECLINED
    membership.decided_at, membership.decided_by = timezone.now(), actor
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    audit("group.join_declined", membership, actor=actor)
    return membership


@transaction.atomic
def leave_group(group, person, *, actor=None):
    """`person` leaves `group` (or withdraws a request); leaving twice is a no-op."""
    deleted, _rows = Membership.objects.filter(group=group, person=person).delete()
    if deleted:
        audit("group.left", group, actor=actor, person_id=person.pk)
    return bool(deleted)


@transaction.atomic
def set_coordinator(group, person, *, coordinator=True, actor):
    """Make an active member a coordinator of `group` (or a member again). Becoming one is an
    activity on their journey, and their log-in, if any, gets the coordinator role."""
    from groundswell.accounts.models import User
    from groundswell.accounts.services import change_role

    _check_leads(actor, group)
    membership = Membership.objects.select_for_update().filter(group=group, person=person).first()
    if membership is None or not membership.is_active:
        raise ValidationError(MESSAGES["not_member"])
    role = Membership.Role.COORDINATOR if coordinator else Membership.Role.MEMBER
    if membership.role == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role"])
    if coordinator:
        record_activity(person, "group_led", object_type="group", object_id=group.pk)
        user = User.objects.filter(person=person, role=User.Role.SUPPORTER).first()
        if user is not None:
            change_role(user, role=User.Role.COORDINATOR, actor=actor)
    audit("group.coordinator_set", membership, actor=actor, role=role)
    return membership


# --- Updates ----------------------------------------------------------------------------------


@transaction.atomic
def post_update(group, *, text, actor):
    """Post a short update to the group's members."""
    _check_leads(actor, group)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": MESSAGES["empty_update"]})
    update = GroupUpdate.objects.create(group=group, author=actor.person, text=text[:2000])
    audit("group.update_posted", update, actor=actor)
    return update
