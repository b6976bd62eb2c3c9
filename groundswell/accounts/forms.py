"""Forms: the login-code request that lets a known supporter in before they have an account,
and a supporter's own goal on "my journey"."""

from datetime import datetime, time

from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groundswell.journeys.kinds import GOAL_COUNTERS
from groundswell.journeys.models import Goal

from .services import ensure_user_for_person

GOAL_TARGET_MAX = 1000


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """allauth's form, plus: a Person with this email but no User yet gets one, so the code is sent.

    Unknown addresses get the same answer as known ones (ACCOUNT_PREVENT_ENUMERATION)."""

    def clean_email(self):
        # Rate limits come first, so this cannot be used to make users quickly.
        email = super().clean_email()
        if email and self._user is None:
            user = ensure_user_for_person(email)
            self._user = user if user is not None and user.is_active else None
        return email


class GoalForm(forms.Form):
    """A goal a supporter sets themselves: what to count, how many, and (optionally) by when."""

    title = forms.CharField(
        label=_("Your goal"),
        max_length=Goal._meta.get_field("title").max_length,
        required=False,
        help_text=_("In your own words, e.g. “Bring my street to the town meeting”."),
    )
    counter = forms.ChoiceField(label=_("What counts"), choices=list(GOAL_COUNTERS.items()))
    target = forms.IntegerField(
        label=_("How many"),
        min_value=1,
        max_value=GOAL_TARGET_MAX,
        error_messages={"min_value": _("The number must be at least 1.")},
    )
    due_at = forms.DateField(
        label=_("By (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_due_at(self):
        day = self.cleaned_data.get("due_at")
        if day is not None and day <= timezone.localdate():
            raise forms.ValidationError(_("The date must be in the future."), code="past")
        return day

    def goal_fields(self):
        """The create_goal arguments: an untitled goal is named after what it counts; a date
        means the end of that day here."""
        data = self.cleaned_data
        title = data["title"].strip() or f"{GOAL_COUNTERS[data['counter']]}: {data['target']}"
        due_at = data["due_at"]
        if due_at is not None:
            due_at = timezone.make_aware(datetime.combine(due_at, time.max))
        return {
            "title": title,
            "counter": data["counter"],
            "target": data["target"],
            "due_at": due_at,
        }
