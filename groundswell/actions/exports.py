"""An action's signatures as CSV: streamed, scoped to the people the user may see, formula-safe,
and recorded in the audit log."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from groundswell.accounts.permissions import require_organiser_pages
from groundswell.people.related_exports import (
    PERSON_COLUMNS,
    csv_response,
    record_export,
    scoped_rows,
)

from .models import Action

COLUMNS = [
    *PERSON_COLUMNS,
    ("status", "status"),
    ("flagged", "flagged"),
    ("channel", "channel"),
    ("referral_code", "referral_code"),
    ("created_date", "created_at"),
    ("confirmed_date", "confirmed_at"),
]


@login_required
def submissions_csv(request, slug):
    """Everyone who took the action, as far as the user may see them (coordinators: their
    groups' members only)."""
    require_organiser_pages(request.user)
    action = get_object_or_404(Action, slug=slug)
    record_export(request.user, what="signatures", action=action.slug)
    rows = scoped_rows(request.user, action.submissions.all(), COLUMNS)
    return csv_response(f"{action.slug}-signatures.csv", [name for name, _f in COLUMNS], rows)
