"""Petitions, forms, events and lists: the record-signature and record-attendance helpers go
through take_action and rsvp, exactly as the public pages do."""

from django.utils.translation import gettext as _

from groundswell.actions import counters
from groundswell.actions.models import Action, Submission
from groundswell.actions.services import take_action
from groundswell.people import services as people_services
from groundswell.people.models import Person, Segment

from . import filters, resources, scope
from .endpoint import endpoint
from .errors import ApiError
from .hal import collection, pk_from
from .inputs import _unknown, linked_person_uuid, person_fields, tag_names

HELPER_BODY = {"person", "add_tags", "identifiers", "_links", "triggers"}
SIGNATURE_BODY = HELPER_BODY | {"comments", "action_network:referrer_data"}
ATTENDANCE_BODY = HELPER_BODY | {"status"}


def _get(queryset, pk):
    row = queryset.filter(pk=pk).first()
    if row is None:
        raise ApiError(404, _("Not found."))
    return row


def _actions(petition):
    kind = Action.objects.filter(kind=Action.Kind.PETITION)
    rows = kind if petition else Action.objects.exclude(kind=Action.Kind.PETITION)
    return rows.exclude(status=Action.Status.DRAFT).order_by("pk")


def _with_total(render):
    def render_with_total(request, row):
        row.total = counters.total(row.pk)
        return render(request, row)

    return render_with_total


def _list_actions(request, *, petition):
    rel = "petitions" if petition else "forms"
    render = _with_total(resources.petition if petition else resources.form)
    return 200, collection(
        request, _actions(petition), rel=rel, render=render, filters=filters.TIMESTAMPS
    )


@endpoint("GET")
def petitions(request, key, body=None):
    return _list_actions(request, petition=True)


@endpoint("GET")
def forms(request, key, body=None):
    return _list_actions(request, petition=False)


@endpoint("GET")
def petition(request, key, uid, body=None):
    row = _get(_actions(True), pk_from("actions", uid))
    return 200, _with_total(resources.petition)(request, row)


@endpoint("GET")
def form(request, key, uid, body=None):
    row = _get(_actions(False), pk_from("actions", uid))
    return 200, _with_total(resources.form)(request, row)


def _submissions(request, key, uid, body, *, petition):
    action = _get(_actions(petition), pk_from("actions", uid))
    render = resources.signature if petition else resources.form_submission
    if request.method == "POST":
        row = _record_submission(key, action, body)
        return 200, render(request, row)
    rows = Submission.objects.filter(action=action, person__in=scope.visible_people(key))
    return 200, collection(
        request,
        rows.select_related("person").order_by("pk"),
        rel="signatures" if petition else "submissions",
        render=render,
        filters=filters.TIMESTAMPS,
    )


def _record_submission(key, action, body):
    """The record-signature helper: the same take_action as the public page, then the fields
    and consents the page does not ask for, then tags."""
    _unknown(body, SIGNATURE_BODY, "the request")
    fields, consents = _helper_person(key, body)
    comment = body.get("comments", "")
    referrer = body.get("action_network:referrer_data") or {}
    if not isinstance(comment, str) or not isinstance(referrer, dict):
        raise ApiError(400, _("comments must be a string and referrer_data an object."))
    email_yes = {"channel": "email", "purpose": "updates", "granted": True}
    data = {**fields, "comment": comment, "consent": email_yes in consents}
    submission, _created = take_action(
        action,
        data=data,
        ref=referrer.get("referrer") or referrer.get("source"),
        channel="api",
        language=fields.get("language"),
    )
    _finish_person(key, submission.person, fields, consents, body)
    return Submission.objects.select_related("person").get(pk=submission.pk)


def _helper_person(key, body):
    """(fields, consents) of the embedded person, or of the linked one the key may see."""
    if "person" in body:
        return person_fields(body["person"])
    target = linked_person_uuid(body)
    if target is None:
        raise ApiError(400, _("Embed the person, or link them in _links.osdi:person.href."))
    found = scope.access_person(key, target)
    return {"email": found.email, "phone": found.phone}, []


def _finish_person(key, found, fields, consents, body):
    rest = {k: v for k, v in fields.items() if k not in {"email", "phone"}}
    people_services.upsert_person(
        email=found.email,
        phone=found.phone,
        source="api",
        consents=[c for c in consents if c["channel"] != "email" or not c["granted"]],
        consent_source="api",
        consent_source_detail=f"api:{key.prefix}",
        tags=tag_names(body.get("add_tags")),
        **rest,
    )
    scope.claim_for_group(key, found)


@endpoint("GET", "POST")
def petition_signatures(request, key, uid, body=None):
    return _submissions(request, key, uid, body, petition=True)


@endpoint("GET", "POST")
def form_submissions(request, key, uid, body=None):
    return _submissions(request, key, uid, body, petition=False)


def _one_submission(request, key, action_uid, uid, *, petition):
    action = _get(_actions(petition), pk_from("actions", action_uid))
    rows = Submission.objects.filter(action=action, person__in=scope.visible_people(key))
    row = _get(rows.select_related("person"), pk_from("submissions", uid))
    return 200, (resources.signature if petition else resources.form_submission)(request, row)


@endpoint("GET")
def signature(request, key, action_uid, uid, body=None):
    return _one_submission(request, key, action_uid, uid, petition=True)


@endpoint("GET")
def submission(request, key, action_uid, uid, body=None):
    return _one_submission(request, key, action_uid, uid, petition=False)


# --- events and attendances ---------------------------------------------------------------------


def _events():
    from groundswell.events.models import Event

    return Event.objects.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])


@endpoint("GET")
def events(request, key, body=None):
    rows = _events().order_by("pk")
    return 200, collection(
        request, rows, rel="events", render=resources.event, filters=filters.EVENTS
    )


@endpoint("GET")
def event(request, key, uid, body=None):
    return 200, resources.event(request, _get(_events(), pk_from("events", uid)))


@endpoint("GET", "POST")
def event_attendances(request, key, uid, body=None):
    from groundswell.events.models import RSVP

    found = _get(_events(), pk_from("events", uid))
    if request.method == "POST":
        return 200, resources.attendance(request, _record_attendance(key, found, body))
    rows = RSVP.objects.filter(event=found, person__in=scope.visible_people(key))
    return 200, collection(
        request,
        rows.select_related("person").order_by("pk"),
        rel="attendances",
        render=resources.attendance,
        filters=filters.TIMESTAMPS,
    )


def _record_attendance(key, found, body):
    """The record-attendance helper: upsert the person, RSVP as the public page does, and check
    them in when the status says they attended."""
    from groundswell.events import services as event_services
    from groundswell.events.models import RSVP

    _unknown(body, ATTENDANCE_BODY, "the request")
    status = body.get("status", "accepted")
    if status not in {"accepted", "attended"}:
        raise ApiError(400, _("status must be accepted or attended."))
    fields, consents = _helper_person(key, body)
    person, _created = people_services.upsert_person(
        **fields,
        source=f"event:{found.slug}",
        consents=consents,
        consent_source="api",
        consent_source_detail=f"api:{key.prefix}",
        tags=tag_names(body.get("add_tags")),
    )
    scope.claim_for_group(key, person)
    rsvp, _created = event_services.rsvp(found, person=person, channel="api")
    if status == "attended":
        event_services.check_in(rsvp, method="api")
    return RSVP.objects.select_related("person").get(pk=rsvp.pk)


@endpoint("GET")
def attendance(request, key, event_uid, uid, body=None):
    from groundswell.events.models import RSVP

    found = _get(_events(), pk_from("events", event_uid))
    rows = RSVP.objects.filter(event=found, person__in=scope.visible_people(key))
    return 200, resources.attendance(
        request, _get(rows.select_related("person"), pk_from("attendances", uid))
    )


# --- lists (saved segments) ---------------------------------------------------------------------


@endpoint("GET")
def lists(request, key, body=None):
    rows = Segment.objects.order_by("pk")
    return 200, collection(
        request, rows, rel="lists", render=resources.segment, filters=filters.LISTS
    )


@endpoint("GET")
def list_detail(request, key, uid, body=None):
    return 200, resources.segment(request, _get(Segment.objects, pk_from("lists", uid)))


@endpoint("GET")
def list_items(request, key, uid, body=None):
    from groundswell.journeys.criteria import CriteriaError, parse_criteria

    found = _get(Segment.objects, pk_from("lists", uid))
    try:
        condition = parse_criteria(found.criteria).to_q()
    except CriteriaError:
        raise ApiError(409, _("This list's rules no longer work; fix them on its page.")) from None
    rows = scope.visible_people(key, Person.objects.filter(condition)).order_by("pk")
    return 200, collection(
        request, rows, rel="items", render=resources.item, filters=filters.PEOPLE
    )
