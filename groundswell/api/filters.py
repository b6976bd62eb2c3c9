"""OData `filter=` expressions, parsed by odata-query, turned into Q on a whitelist of fields.

We translate the parsed tree ourselves instead of using the library's Django visitor, so only
the fields and operators below can reach the database (no functions, no related lookups).
"""

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from odata_query import ast
from odata_query.exceptions import ODataException
from odata_query.grammar import ODataLexer, ODataParser

from .errors import ApiError

MAX_FILTER_LENGTH = 1000
COMPARATORS = {
    ast.Eq: "exact",
    ast.NotEq: "exact",
    ast.Gt: "gt",
    ast.GtE: "gte",
    ast.Lt: "lt",
    ast.LtE: "lte",
    ast.In: "in",
}


class Field:
    """One filterable field: its ORM path and how to read a literal for it."""

    def __init__(self, path, kind="text", normalise=None):
        self.path, self.kind, self.normalise = path, kind, normalise

    def value(self, name, node):
        if isinstance(node, ast.List):
            return [self.value(name, item) for item in node.val]
        if self.kind == "datetime":
            return _datetime(name, node)
        if not isinstance(node, ast.String | ast.Integer | ast.GUID):
            raise ApiError(400, _("The value for %(field)s must be a string.") % {"field": name})
        return self.normalise(node.val) if self.normalise else node.val


def _datetime(name, node):
    if isinstance(node, ast.String | ast.Date | ast.DateTime):
        raw = node.val.strip()
        value = parse_datetime(raw)
        if value is None:
            try:
                day = parse_date(raw)
            except ValueError:
                day = None
            value = dt.datetime.combine(day, dt.time()) if day else None
        if value is not None:
            return value if timezone.is_aware(value) else value.replace(tzinfo=dt.UTC)
    raise ApiError(
        400, _("The value for %(field)s must be a date such as '2024-01-31'.") % {"field": name}
    )


def apply_filter(queryset, expression, fields):
    """`queryset` filtered by the OData `expression`, which may name only `fields`."""
    if not expression:
        return queryset
    if len(expression) > MAX_FILTER_LENGTH:
        raise ApiError(400, _("The filter is too long."))
    if "\x00" in expression:
        raise ApiError(400, _("The filter could not be read."))
    try:
        tree = ODataParser().parse(ODataLexer().tokenize(expression))
    except (ODataException, ValueError, TypeError, IndexError, RecursionError):
        raise ApiError(400, _("The filter could not be read.")) from None
    return queryset.filter(_to_q(tree, fields))


def _to_q(node, fields):
    if isinstance(node, ast.BoolOp):
        left, right = _to_q(node.left, fields), _to_q(node.right, fields)
        return left & right if isinstance(node.op, ast.And) else left | right
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return ~_to_q(node.operand, fields)
    if isinstance(node, ast.Compare) and type(node.comparator) in COMPARATORS:
        return _compare(node, fields)
    raise ApiError(400, _("The filter may only compare fields with values, joined by and/or."))


def _compare(node, fields):
    if not isinstance(node.left, ast.Identifier) or node.left.namespace:
        raise ApiError(400, _("The filter must name a field on the left of each comparison."))
    name = node.left.name
    field = fields.get(name)
    if field is None:
        allowed = ", ".join(sorted(fields)) or "-"
        raise ApiError(
            400,
            _("Filtering on %(field)s is not supported; you can filter on: %(allowed)s.")
            % {"field": name, "allowed": allowed},
        )
    lookup = COMPARATORS[type(node.comparator)]
    if isinstance(node.right, ast.Null) and lookup == "exact":
        condition = Q(**{f"{field.path}__isnull": True})
    else:
        value = field.value(name, node.right)
        if (lookup == "in") != isinstance(value, list):
            raise ApiError(400, _("Use a list of values with in, and one value otherwise."))
        condition = Q(**{f"{field.path}__{lookup}": value})
    return ~condition if isinstance(node.comparator, ast.NotEq) else condition


def lower(value):
    return value.strip().lower()


CREATED = {"created_date": Field("created_at", "datetime")}
TIMESTAMPS = {**CREATED, "modified_date": Field("created_at", "datetime")}
PEOPLE = {
    "created_date": Field("created_at", "datetime"),
    "modified_date": Field("modified_at", "datetime"),
    "email_address": Field("email", normalise=lower),
    "phone_number": Field("phone"),
    "given_name": Field("given_name"),
    "family_name": Field("family_name"),
    "country": Field("country", normalise=lambda value: value.strip().upper()),
    "postal_code": Field("postal_code"),
    "region": Field("region"),
    "locality": Field("locality"),
}
EVENTS = {**TIMESTAMPS, "start_date": Field("starts_at", "datetime")}
TAGS = {**TIMESTAMPS, "name": Field("name")}
LISTS = {
    "created_date": Field("created_at", "datetime"),
    "modified_date": Field("modified_at", "datetime"),
    "name": Field("name"),
}
