"""The public action forms, one per kind: who you are, consent with the wording shown, what the
kind adds (a letter, a pledged number), a honeypot. Each stays small: a phone on a slow network
loads the page and its form in one go."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from groundswell.core.i18n import localized
from groundswell.people.forms import PersonFieldsMixin, country_choices

from .fulfilment import LETTER_BODY_MAX, LETTER_SUBJECT_MAX, clean_kind_data
from .models import Action, LetterTarget

MESSAGES = {"required": _("Please fill in this field.")}
KIND_FIELDS = ("targets", "letter_subject", "letter_body", "amount")


def _required(field):
    field.error_messages["required"] = MESSAGES["required"]
    return field


class SignupForm(PersonFieldsMixin, forms.Form):
    """The short sign-up (download, share): name, email, country and consent. clean() runs the
    people validators and the kind's checks, so every error sits next to its field."""

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
    country = _required(
        forms.ChoiceField(
            label=_("Country"),
            choices=country_choices,
            widget=forms.Select(attrs={"autocomplete": "country"}),
        )
    )
    consent = forms.BooleanField(required=False)
    # The honeypot (spam.HONEYPOT_FIELD): hidden from people by CSS; bots fill it in.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    r = forms.CharField(required=False, widget=forms.HiddenInput)
    c = forms.CharField(required=False, widget=forms.HiddenInput)

    # The visible fields, row by row (two in a row sit side by side on a wide screen).
    rows = (("given_name", "family_name"), ("email",), ("country",))

    def __init__(self, *args, action=None, consent_label="", **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["consent"].label = consent_label or _("Keep me updated by email")

    def layout(self):
        """The visible fields as rows of bound fields, for the template."""
        return [[self[name] for name in row if name in self.fields] for row in self.rows]

    def phone_region(self):
        return self.data.get("country") or None

    def clean_r(self):
        return _token(self.cleaned_data.get("r"), 12)

    def clean_c(self):
        return _token(self.cleaned_data.get("c"), 20)

    def clean(self):
        cleaned = super().clean()
        kind_fields = [name for name in KIND_FIELDS if name in self.fields]
        if self.action is not None and kind_fields and not self.has_error_in(kind_fields):
            try:  # the service's own checks, so a form and the API refuse the same input
                clean_kind_data(self.action, cleaned)
            except ValidationError as exc:
                for field, errors in exc.error_dict.items():
                    self.add_error(field if field in self.fields else None, errors)
        return cleaned

    def has_error_in(self, names):
        return any(name in self.errors for name in names)

    def action_data(self):
        """What take_action reads: the person's fields, consent, what the kind adds, honeypot."""
        return {k: v for k, v in self.cleaned_data.items() if k not in {"r", "c"}}


class ActionForm(SignupForm):
    """A petition: the sign-up with an optional phone, postal code and public comment."""

    phone = forms.CharField(
        label=_("Mobile phone (optional)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    postal_code = forms.CharField(
        label=_("Postal code"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    comment = forms.CharField(
        label=_("Public comment (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    rows = (
        ("given_name", "family_name"),
        ("email",),
        ("phone",),
        ("country", "postal_code"),
        ("comment",),
    )


class LetterForm(SignupForm):
    """A letter: the targets, the template letter to edit, and who signs it and from where."""

    targets = _required(
        forms.MultipleChoiceField(label=_("Write to"), widget=forms.CheckboxSelectMultiple)
    )
    letter_subject = _required(forms.CharField(label=_("Subject"), max_length=LETTER_SUBJECT_MAX))
    letter_body = _required(
        forms.CharField(
            label=_("Your letter"),
            max_length=LETTER_BODY_MAX,
            widget=forms.Textarea(attrs={"rows": 12}),
            help_text=_("Edit it as you like: a few words of your own make it count."),
        )
    )
    locality = forms.CharField(
        label=_("Town or city (optional)"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )

    rows = (
        ("targets",),
        ("letter_subject",),
        ("letter_body",),
        ("given_name", "family_name"),
        ("email",),
        ("country", "locality"),
    )

    def __init__(self, *args, action, language=None, **kwargs):
        super().__init__(*args, action=action, **kwargs)
        targets = list(action.letter_targets.all())
        if len(targets) > 1:
            self.fields["targets"].choices = [(str(t.pk), _target_label(t)) for t in targets]
            self.fields["targets"].initial = [str(t.pk) for t in targets]
        else:  # one target (or none yet): nothing to choose
            del self.fields["targets"]
        if not targets:  # no one to write to yet: the page takes the action without a letter
            del self.fields["letter_subject"], self.fields["letter_body"]
            return
        self.fields["letter_subject"].initial = localized(action.letter_subject, language)
        self.fields["letter_body"].initial = localized(action.letter_body, language)
        limits = [t for t in targets if t.kind == LetterTarget.Kind.NEWSPAPER and t.word_limit]
        if limits:
            self.fields["letter_body"].help_text = _word_limit_help(limits)
            self.fields["letter_body"].widget.attrs["data-word-limit"] = min(
                t.word_limit for t in limits
            )


def _target_label(target):
    if target.kind == LetterTarget.Kind.NEWSPAPER:
        return _("%(name)s (letters to the editor: you send it yourself)") % {"name": target.name}
    return str(target)


def _word_limit_help(newspapers):
    return " ".join(
        str(
            _("%(name)s prints letters of up to %(limit)d words.")
            % {"name": t.name, "limit": t.word_limit}
        )
        for t in newspapers
    )


class PledgeForm(SignupForm):
    """A pledge: the sign-up, and the number when supporters choose it."""

    # The range is the service's check (clean_kind_data), so the form and the API agree.
    amount = _required(forms.IntegerField(label=_("How many?")))

    rows = (("amount",), ("given_name", "family_name"), ("email",), ("country",))

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, action=action, **kwargs)
        if action.pledge_amount_editable:
            limit = action.pledge_amount_max or action.pledge_amount or 1
            amount = self.fields["amount"]
            amount.widget.attrs.update({"min": 1, "max": limit, "inputmode": "numeric"})
            amount.help_text = _("A number from 1 to %(limit)d.") % {"limit": limit}
            amount.initial = min(action.pledge_amount or 1, limit)
        else:
            del self.fields["amount"]


def form_for(action, *args, language=None, **kwargs):
    """The form for the action's kind, or None when the page takes no input (an open download)."""
    kwargs["action"] = action
    kwargs["consent_label"] = localized(action.consent_text, language)
    if action.kind == Action.Kind.PETITION:
        return ActionForm(*args, **kwargs)
    if action.kind == Action.Kind.LETTER:
        return LetterForm(*args, language=language, **kwargs)
    if action.kind == Action.Kind.PLEDGE:
        return PledgeForm(*args, **kwargs)
    if action.kind == Action.Kind.DOWNLOAD and not action.signup_required:
        return None
    return SignupForm(*args, **kwargs)


def _token(value, limit):
    """A referral code or channel from a link, or "": tampered values are dropped, not errors."""
    value = (value or "").strip().lower()
    return value if value.replace("_", "").isalnum() and len(value) <= limit else ""
