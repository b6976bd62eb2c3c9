"""OSDI resources at /api/v2/: thin views over the same services as the web pages."""

from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext as _

from groundswell.actions.models import Action, Submission
from groundswell.people import services as people_services
from groundswell.people.models import Person, Tag, Tagging

from . import filters, resources, scope, services
from .endpoint import endpoint, error, hal
from .errors import ApiError
from .hal import collection, curies, link, pk_from, url
from .inputs import _unknown, person_fields, tag_names
from .openapi import schema as openapi_schema

PEOPLE_BODY = {"person", "add_tags", "remove_tags", "identifiers"}


def _get(queryset, pk):
    row = queryset.filter(pk=pk).first()
    if row is None:
        raise ApiError(404, _("Not found."))
    return row


# --- entry point, docs, schema -----------------------------------------------------------------


def root(request):
    """Browsers get the API page; clients with a key get the OSDI entry point."""
    if "OSDI-API-Token" not in request.headers and "text/html" in request.headers.get("Accept", ""):
        return docs(request)
    return _entry_point(request)


@endpoint("GET")
def _entry_point(request, key, body=None):
    names = ["people", "tags", "petitions", "events", "forms", "lists"]
    links = {f"osdi:{name}": link(request, name) for name in names}
    links.update(
        {"self": link(request, "root"), "docs": link(request, "docs"), "curies": curies(request)}
    )
    return 200, {
        "motd": _("Welcome to the Groundswell OSDI API."),
        "vendor_name": "Groundswell",
        "_links": links,
    }


def docs(request):
    return render(request, "api/docs.html", {"base": url(request, "root")})


def schema(request):
    return hal(200, openapi_schema(url(request, "root")))


def not_found(request, rest=""):
    return error(404, _("There is no such resource in this API."))


# --- people -------------------------------------------------------------------------------------


@endpoint("GET", "POST")
def people(request, key, body=None):
    if request.method == "GET":
        rows = resources.with_consents(scope.visible_people(key)).order_by("pk")
        return 200, collection(
            request, rows, rel="people", render=resources.person, filters=filters.PEOPLE
        )
    return _signup(request, key, body)


def _signup(request, key, body):
    """The person signup helper: upsert by email then phone, tag, record consents."""
    _unknown(body, PEOPLE_BODY, "the request")
    fields, consents = person_fields(body.get("person"))
    add, remove = tag_names(body.get("add_tags")), tag_names(body.get("remove_tags"), "remove_tags")
    found, created = people_services.upsert_person(
        **fields,
        source="api",
        consents=consents,
        consent_source="api",
        consent_source_detail=f"api:{key.prefix}",
        tags=add,
    )
    for name in remove:
        people_services.untag_person(found, name)
    scope.claim_for_group(key, found)
    row = resources.with_consents(Person.objects.filter(pk=found.pk)).get()
    return (201 if created else 200), resources.person(request, row)


@endpoint("GET", "PUT")
def person(request, key, uid, body=None):
    found = scope.access_person(key, uid)
    if request.method == "PUT":
        fields, consents = person_fields(body)  # Action Network's PUT carries the person itself
        people_services.update_person(found, **fields)
        for consent in consents:
            people_services.record_consent(
                found, **consent, source="api", source_detail=f"api:{key.prefix}"
            )
        found = scope.access_person(key, uid)
    return 200, resources.person(request, found)


@endpoint("GET")
def person_taggings(request, key, uid, body=None):
    found = scope.access_person(key, uid)
    rows = Tagging.objects.filter(person=found).select_related("person").order_by("pk")
    return 200, collection(
        request, rows, rel="taggings", render=resources.tagging, filters=filters.TIMESTAMPS
    )


def _person_submissions(request, key, uid, *, petition):
    found = scope.access_person(key, uid)
    kind = Q(action__kind=Action.Kind.PETITION)
    rows = Submission.objects.filter(kind if petition else ~kind, person=found)
    render_row = resources.signature if petition else resources.form_submission
    return 200, collection(
        request,
        rows.select_related("person").order_by("pk"),
        rel="signatures" if petition else "submissions",
        render=render_row,
        filters=filters.TIMESTAMPS,
    )


@endpoint("GET")
def person_signatures(request, key, uid, body=None):
    return _person_submissions(request, key, uid, petition=True)


@endpoint("GET")
def person_submissions(request, key, uid, body=None):
    return _person_submissions(request, key, uid, petition=False)


@endpoint("GET")
def person_attendances(request, key, uid, body=None):
    from groundswell.events.models import RSVP

    found = scope.access_person(key, uid)
    rows = RSVP.objects.filter(person=found).select_related("person").order_by("pk")
    return 200, collection(
        request, rows, rel="attendances", render=resources.attendance, filters=filters.TIMESTAMPS
    )


# --- tags and taggings --------------------------------------------------------------------------


@endpoint("GET", "POST")
def tags(request, key, body=None):
    if request.method == "GET":
        rows = Tag.objects.order_by("pk")
        return 200, collection(
            request, rows, rel="tags", render=resources.tag, filters=filters.TAGS
        )
    _unknown(body, {"name", "identifiers"}, "the request")
    found, created = services.create_tag(body.get("name"))
    return (201 if created else 200), resources.tag(request, found)


@endpoint("GET")
def tag(request, key, uid, body=None):
    return 200, resources.tag(request, _get(Tag.objects, pk_from("tags", uid)))


@endpoint("GET", "POST")
def tag_taggings(request, key, uid, body=None):
    found = _get(Tag.objects, pk_from("tags", uid))
    if request.method == "GET":
        rows = scope.visible_people(key).values("pk")
        rows = Tagging.objects.filter(tag=found, person__in=rows).select_related("person")
        return 200, collection(
            request,
            rows.order_by("pk"),
            rel="taggings",
            render=resources.tagging,
            filters=filters.TIMESTAMPS,
        )
    from .inputs import linked_person_uuid

    _unknown(body, {"_links", "identifiers"}, "the request")
    target = linked_person_uuid(body)
    if target is None:
        raise ApiError(400, _("Link the person to tag in _links.osdi:person.href."))
    person_row = scope.access_person(key, target)
    created_before = Tagging.objects.filter(person=person_row, tag=found).exists()
    people_services.tag_person(person_row, found.name)
    row = Tagging.objects.select_related("person").get(person=person_row, tag=found)
    return (200 if created_before else 201), resources.tagging(request, row)


@endpoint("GET", "DELETE")
def tagging(request, key, tag_uid, uid, body=None):
    visible = scope.visible_people(key).values("pk")
    rows = Tagging.objects.filter(tag_id=pk_from("tags", tag_uid), person__in=visible)
    row = _get(rows.select_related("person", "tag"), pk_from("taggings", uid))
    if request.method == "DELETE":
        people_services.untag_person(row.person, row.tag.name)
        return 200, {"notice": _("The tagging was deleted.")}
    return 200, resources.tagging(request, row)
