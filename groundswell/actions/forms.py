"""The public action form: who you are, consent with the wording shown, a comment, a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from groundswell.people.forms import PersonFieldsMixin, country_choices

MESSAGES = {"required": _("Please fill in this field.")}


def _required(field):
    field.error_messages["required"] = MESSAGES["required"]
    return field


class ActionForm(PersonFieldsMixin, forms.Form):
    """Take an action; clean() runs the people validators, so errors sit next to each field."""

    given_name = _required(
        forms.CharField(
            label=_("First name"),
            max_length=100,
            widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
        )
    )
    family_name = _required(
        forms.CharField(
            label=_("Last name"),
            max_length=100,
            widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
        )
    )
    email = _required(
        forms.CharField(
            label=_("Email"),
            max_length=254,
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        )
    )
    phone = forms.CharField(
        label=_("Mobile phone (optional)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    country = _required(
        forms.ChoiceField(
            label=_("Country"),
            choices=country_choices,
            widget=forms.Select(attrs={"autocomplete": "country"}),
        )
    )
    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    consent = forms.BooleanField(required=False)
    comment = forms.CharField(
        label=_("Public comment (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The honeypot (spam.HONEYPOT_FIELD): hidden from people by CSS; bots fill it in.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    r = forms.CharField(required=False, widget=forms.HiddenInput)
    c = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, consent_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_label or _("Keep me updated by email")

    def phone_region(self):
        return self.data.get("country") or None

    def clean_r(self):
        return _token(self.cleaned_data.get("r"), 12)

    def clean_c(self):
        return _token(self.cleaned_data.get("c"), 20)

    def action_data(self):
        """What take_action reads: the person's fields, consent, comment and the honeypot."""
        return {k: v for k, v in self.cleaned_data.items() if k not in {"r", "c"}}


def _token(value, limit):
    """A referral code or channel from a link, or "": tampered values are dropped, not errors."""
    value = (value or "").strip().lower()
    return value if value.replace("_", "").isalnum() and len(value) <= limit else ""
