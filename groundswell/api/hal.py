"""HAL+JSON building blocks: identifiers, links, dates and paginated collections."""

import datetime as dt
import math
import uuid
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from .errors import ApiError
from .filters import apply_filter

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
MAX_PAGE = 1_000_000
# Rows without a uuid of their own get one derived from (kind, pk): stable and reversible.
DERIVED_KINDS = {
    "tags": 1,
    "taggings": 2,
    "actions": 3,
    "submissions": 4,
    "lists": 5,
    "events": 6,
    "attendances": 7,
}


def derived_uuid(kind, pk):
    return uuid.UUID(f"{DERIVED_KINDS[kind]:08x}-0000-8000-8000-{pk:012x}")


def pk_from(kind, text):
    """The pk inside a derived uuid of `kind`, or a 404 for anything else."""
    try:
        value = uuid.UUID(str(text))
    except ValueError:
        raise ApiError(404, _("Not found.")) from None
    prefix, pk = value.int >> 64, value.int & ((1 << 48) - 1)
    if prefix != (DERIVED_KINDS[kind] << 32) | 0x8000 or str(value) != str(derived_uuid(kind, pk)):
        raise ApiError(404, _("Not found."))
    return pk


def person_uuid(text):
    try:
        return uuid.UUID(str(text))
    except ValueError:
        raise ApiError(404, _("Not found.")) from None


def identifiers(value):
    # action_network: too, because Action Network clients (parsons) look for that prefix.
    return [f"groundswell:{value}", f"action_network:{value}"]


def date(value):
    if value is None:
        return None
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def url(request, name, *args):
    return request.build_absolute_uri(reverse(f"api:{name}", args=args))


def link(request, name, *args):
    return {"href": url(request, name, *args)}


def curies(request):
    docs = request.build_absolute_uri(reverse("api:docs"))
    return [{"name": "osdi", "href": docs + "#{rel}", "templated": True}]


def page_numbers(request):
    """(page, per_page) from the query string, within bounds, else a 400."""
    try:
        page = int(request.GET.get("page") or 1)
        per_page = int(request.GET.get("per_page") or DEFAULT_PER_PAGE)
    except ValueError:
        raise ApiError(400, _("page and per_page must be whole numbers.")) from None
    if not 1 <= page <= MAX_PAGE:
        raise ApiError(400, _("page must be 1 or more."))
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise ApiError(400, _("per_page must be between 1 and %(max)d.") % {"max": MAX_PER_PAGE})
    return page, per_page


def collection(request, queryset, *, rel, render, filters):
    """One page of `queryset` as an OSDI collection with `osdi:<rel>` embedded."""
    page, per_page = page_numbers(request)
    queryset = apply_filter(queryset, request.GET.get("filter", ""), filters)
    total = queryset.count()
    rows = list(queryset[(page - 1) * per_page : page * per_page]) if total else []
    items = [render(request, row) for row in rows]
    pages = math.ceil(total / per_page)
    links = {"self": {"href": _page_url(request, page, per_page)}}
    if page < pages:
        links["next"] = {"href": _page_url(request, page + 1, per_page)}
    if page > 1:
        links["previous"] = {"href": _page_url(request, min(page - 1, max(pages, 1)), per_page)}
    links[f"osdi:{rel}"] = [item["_links"]["self"] for item in items]
    links["curies"] = curies(request)
    return {
        "total_pages": pages,
        "per_page": per_page,
        "page": page,
        "total_records": total,
        "_links": links,
        "_embedded": {f"osdi:{rel}": items},
    }


def _page_url(request, page, per_page):
    params = {"page": page, "per_page": per_page}
    if request.GET.get("filter"):
        params["filter"] = request.GET["filter"]
    return request.build_absolute_uri(request.path) + "?" + urlencode(params)
