"""People as CSV: streamed in constant memory, scoped to what the user may see, formula-safe."""

import csv

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from groundswell.accounts.permissions import require_organiser_pages
from groundswell.core.audit import audit
from groundswell.core.csvsafe import safe_row

from . import queries
from .builder import ListFilter
from .models import ConsentRecord
from .views import stage_choices

EXPORT_CHUNK = 2000
CONSENT_CHANNELS = ("email", "sms", "whatsapp")
# Column names as the Open Supporter Data Interface names the fields (flattened).
COLUMNS = [
    ("identifier", "uuid"),
    ("given_name", "given_name"),
    ("family_name", "family_name"),
    ("email_address", "email"),
    ("phone_number", "phone"),
    ("postal_code", "postal_code"),
    ("locality", "locality"),
    ("region", "region"),
    ("country", "country"),
    ("language_spoken", "language"),
    ("source", "source"),
    *[(f"{channel}_consent", f"{channel}_consent") for channel in CONSENT_CHANNELS],
    ("created_date", "created_at"),
    ("modified_date", "modified_at"),
]


class _Echo:
    """A file-like object whose write hands the line back, for csv.writer in a generator."""

    def write(self, value):
        return value


def stream_csv(header, rows):
    """CSV lines (header first), each cell made safe for spreadsheets, one row at a time."""
    writer = csv.writer(_Echo())
    yield "\ufeff"  # a BOM, so spreadsheet programs read the file as UTF-8
    yield writer.writerow(safe_row(header))
    for row in rows:
        yield writer.writerow(safe_row(row))


def csv_response(filename, header, rows):
    response = StreamingHttpResponse(
        stream_csv(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def with_consent_columns(people):
    """Each person's current consent per channel: "granted", "withdrawn" or ""."""
    for channel in CONSENT_CHANNELS:
        latest = ConsentRecord.objects.filter(
            person=OuterRef("pk"), channel=channel, purpose="updates"
        ).order_by("-recorded_at", "-pk")
        people = people.annotate(
            **{f"{channel}_consent_granted": Subquery(latest.values("granted")[:1])}
        )
    return people


def export_rows(people):
    """Export rows of `people` (a queryset already scoped to the user), in constant memory."""
    fields = [field for _name, field in COLUMNS if not field.endswith("_consent")]
    consent = [f"{channel}_consent_granted" for channel in CONSENT_CHANNELS]
    values = with_consent_columns(people.order_by("pk")).values_list(*fields, *consent)
    for record in values.iterator(chunk_size=EXPORT_CHUNK):
        row = dict(zip([*fields, *consent], record, strict=True))
        yield [
            _cell(field, row, channel_field)
            for _name, field in COLUMNS
            for channel_field in [field.replace("_consent", "_consent_granted")]
        ]


def _cell(field, row, channel_field):
    if field.endswith("_consent"):
        granted = row[channel_field]
        return "" if granted is None else ("granted" if granted else "withdrawn")
    value = row[field]
    if field == "uuid":
        return f"groundswell:{value}"
    if field.endswith("_at"):
        return timezone.localtime(value).isoformat()
    return value


@transaction.atomic
def record_export(user, *, what, **details):
    """The audit log keeps who took which people out of the system."""
    audit("people.exported", actor=user, object_type="people.person", what=what, **details)


@login_required
def person_export(request):
    """The people list's current filter (search, segment or criteria) as CSV."""
    require_organiser_pages(request.user)
    listing = ListFilter(request.GET, user=request.user, stage_choices=stage_choices())
    if not listing.valid:
        return HttpResponseBadRequest(_("These criteria cannot be applied: ") + str(listing.errors))
    criteria_q = listing.node.to_q() if listing.node is not None else None
    people = queries.people_list(request.user, search=listing.search, criteria_q=criteria_q)
    record_export(request.user, what="people", search=listing.search, criteria=listing.criteria,
                  segment=listing.segment.pk if listing.segment else None)  # fmt: skip
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    header = [name for name, _field in COLUMNS]
    return csv_response(f"people-{stamp}.csv", header, export_rows(people))
