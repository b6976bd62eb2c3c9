"""An event's attendances (RSVPs and check-ins) as CSV: streamed, scoped to the people the user
may see, formula-safe, and recorded in the audit log."""

from django.contrib.auth.decorators import login_required

from groundswell.accounts.permissions import require_organiser_pages
from groundswell.people.related_exports import (
    PERSON_COLUMNS,
    csv_response,
    record_export,
    scoped_rows,
)

from .permissions import access_event

COLUMNS = [
    *PERSON_COLUMNS,
    ("status", "status"),
    ("waitlist_position", "position"),
    ("channel", "channel"),
    ("created_date", "created_at"),
    ("attended_date", "attended_at"),
]


@login_required
def attendances_csv(request, slug):
    """Who RSVPed to the event and who came; another group's event is a 404, as on its page.
    A host without organiser pages sees names there but takes no contact details away."""
    event = access_event(request.user, slug)
    require_organiser_pages(request.user)
    record_export(request.user, what="attendances", event=event.slug)
    rows = scoped_rows(request.user, event.rsvps.all(), COLUMNS)
    return csv_response(f"{event.slug}-attendances.csv", [name for name, _f in COLUMNS], rows)
