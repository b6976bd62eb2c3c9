"""CSV exports of rows that belong to people (signatures, attendances): the person's columns,
the rows the user may see, cells as text, streamed in constant memory."""

from django.utils import timezone

from groundswell.accounts.permissions import visible_people

from .exports import EXPORT_CHUNK, csv_response, record_export

__all__ = ["PERSON_COLUMNS", "csv_response", "export_cell", "record_export", "scoped_rows"]

# Column names as the Open Supporter Data Interface names the person's fields (flattened).
PERSON_COLUMNS = [
    ("given_name", "person__given_name"),
    ("family_name", "person__family_name"),
    ("email_address", "person__email"),
    ("phone_number", "person__phone"),
    ("country", "person__country"),
    ("postal_code", "person__postal_code"),
]


def export_cell(value):
    """A value as export text: times in the local zone (ISO 8601), booleans as true/false."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return timezone.localtime(value).isoformat()
    return value


def scoped_rows(user, queryset, columns):
    """Rows of `queryset` (which has a `person`) whose person `user` may see, oldest first."""
    scoped = queryset.filter(person__in=visible_people(user).values("pk"))
    values = scoped.order_by("created_at", "pk").values_list(*(field for _n, field in columns))
    for record in values.iterator(chunk_size=EXPORT_CHUNK):
        yield [export_cell(value) for value in record]
