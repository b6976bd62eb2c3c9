"""Read-only questions the organiser pages ask about people, scoped by the caller's access."""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.db.models.functions import Lower
from django.http import Http404

from groundswell.accounts.permissions import is_organiser, visible_groups, visible_people

from .models import ConsentRecord, Person, Segment, Tag

# A search is a few words; more than this is noise and only makes the query slower.
MAX_SEARCH_TERMS = 5
MIN_PHONE_DIGITS = 4


def people_list(user, *, search="", criteria_q=None):
    """The people `user` may see, searched and filtered, with what the list columns need."""
    people = visible_people(user).select_related("stats__stage")
    people = search_people(people, search)
    if criteria_q is not None:
        people = people.filter(criteria_q)  # set-based (pk IN ...): never repeats a person
    return people.order_by(Lower("family_name"), Lower("given_name"), "pk")


def search_people(people, text):
    """A phone number matches the phone; otherwise every word must match a name or the email."""
    text = (text or "").strip()
    digits = re.sub(r"[\s().+-]", "", text)
    if digits.isdigit() and len(digits.lstrip("0")) >= MIN_PHONE_DIGITS:
        # Phones are stored in E.164: a national trunk 0 typed in front is not part of it.
        return people.filter(phone__contains=digits.lstrip("0"))
    for term in text.split()[:MAX_SEARCH_TERMS]:
        condition = (
            Q(given_name__icontains=term)
            | Q(family_name__icontains=term)
            | Q(email__icontains=term)
        )
        people = people.filter(condition)
    return people


def visible_segments(user):
    """Organisers share every segment; a coordinator sees the segments they saved."""
    if is_organiser(user):
        return Segment.objects.all()
    if user.is_authenticated:
        return Segment.objects.filter(created_by=user)
    return Segment.objects.none()


def access_segment(user, segment_id):
    """The segment if `user` may use it, else 404 (another coordinator's segment does not exist)."""
    try:
        return visible_segments(user).get(pk=segment_id)
    except (Segment.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def segment_size(user, segment):
    """How many people `user` may see in `segment`; None when its criteria no longer parse."""
    from groundswell.journeys.criteria import CriteriaError, parse_criteria

    try:
        condition = parse_criteria(segment.criteria).to_q()
    except CriteriaError:
        return None
    return people_list(user, criteria_q=condition).order_by().count()


def tag_names(limit=500):
    """Tag names to suggest in the segment builder."""
    return list(Tag.objects.order_by("name").values_list("name", flat=True)[:limit])


@dataclass
class ConsentState:
    channel: str
    purpose: str
    current: ConsentRecord


@dataclass
class Profile:
    """Everything the person page shows besides the paginated timeline."""

    person: Person
    show_gender: bool
    tags: list = field(default_factory=list)
    consents: list = field(default_factory=list)
    consent_history: list = field(default_factory=list)
    transitions: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    attribution: object = None
    referrer_visible: bool = False
    recruits: int = 0


def person_profile(user, person):
    """The person page's facts, limited to what `user` may see."""
    from groundswell.amplification.models import Attribution
    from groundswell.journeys.models import StageTransition

    history = list(person.consents.order_by("-recorded_at", "-pk"))
    attribution = Attribution.objects.select_related("referred_by").filter(person=person).first()
    referrer = attribution.referred_by if attribution else None
    return Profile(
        person=person,
        # Gender is for aggregate breakdowns only: coordinators never see it.
        show_gender=is_organiser(user),
        tags=list(person.taggings.select_related("tag").order_by("tag__name")),
        consents=current_consents(history),
        consent_history=history,
        transitions=list(
            StageTransition.objects.filter(person=person)
            .select_related("from_stage", "to_stage")
            .order_by("-at", "-pk")
        ),
        memberships=list(
            person.group_memberships.filter(group__in=visible_groups(user))
            .select_related("group")
            .order_by("group__name")
        ),
        attribution=attribution,
        referrer_visible=bool(referrer and visible_people(user).filter(pk=referrer.pk).exists()),
        recruits=Attribution.objects.filter(referred_by=person).count(),
    )


def current_consents(history):
    """The latest ledger row per (channel, purpose), from a newest-first ledger."""
    latest = {}
    for record in history:
        latest.setdefault((record.channel, record.purpose), record)
    return [
        ConsentState(channel=channel, purpose=purpose, current=record)
        for (channel, purpose), record in sorted(latest.items())
    ]


def person_timeline(person):
    """The person's activities, newest first, for a paginated timeline."""
    return person.activities.select_related("campaign").order_by("-occurred_at", "-pk")
