"""Forms about people. Their clean() runs the same validators as the services, so a form, the
API and an import all accept and refuse exactly the same input."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import GENDERS
from .services import check_contact_points_free
from .validators import PERSON_FIELDS, clean_person_fields, normalise_language

_COUNTRY_CHOICES = {}  # language -> the choices, built once per language and process


def country_choices():
    """Countries by name in the active language, so the list is read when the form is shown."""
    language = translation.get_language()
    choices = _COUNTRY_CHOICES.get(language)
    if choices is None:
        choices = _COUNTRY_CHOICES[language] = (
            ("", _("Choose a country")),
            *((code, str(name)) for code, name in countries),
        )
    return choices


class PersonFieldsMixin:
    """Normalise the Person fields the form has through validators.clean_person_fields."""

    require_contact = False

    def clean(self):
        cleaned = super().clean()
        values = {f: cleaned[f] for f in self.fields if f in cleaned and f in PERSON_FIELDS}
        try:
            cleaned.update(
                clean_person_fields(
                    values, country=self.phone_region(), require_contact=self.require_contact
                )
            )
        except ValidationError as exc:
            self.add_error(None, exc)
        return cleaned

    def phone_region(self):
        return None


class PersonForm(PersonFieldsMixin, forms.Form):
    """Public sign-up: who you are, how to reach you, and opt-ins for updates."""

    require_contact = True

    given_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    family_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    email = forms.CharField(
        label=_("Email"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, required=False)
    email_updates = forms.BooleanField(label=_("Send me updates by email"), required=False)
    sms_updates = forms.BooleanField(label=_("Send me updates by text message"), required=False)

    def consents(self):
        """Consents for upsert_person: a ticked box grants; an unticked one says nothing (it must
        not withdraw a consent the person gave elsewhere)."""
        ticked = [("email", "email_updates"), ("sms", "sms_updates")]
        return [
            {"channel": channel, "purpose": "updates", "granted": True}
            for channel, box in ticked
            if self.cleaned_data.get(box)
        ]

    def person_values(self):
        """The Person fields for upsert_person(**values); language defaults to the page's."""
        values = {f: v for f, v in self.cleaned_data.items() if f in PERSON_FIELDS}
        if not values.get("language"):
            try:
                values["language"] = normalise_language(translation.get_language() or "")
            except ValidationError:
                values["language"] = ""  # the page's language is not one people can choose
        return values


class PersonEditForm(PersonFieldsMixin, forms.Form):
    """Staff edit of a person's details; save with update_person(person, **form.cleaned_data)."""

    given_name = forms.CharField(label=_("Given name"), max_length=100, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=100, required=False)
    email = forms.CharField(label=_("Email"), max_length=254, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices, required=False)
    region = forms.CharField(label=_("Region"), max_length=100, required=False)
    locality = forms.CharField(label=_("Locality"), max_length=100, required=False)
    postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)
    latitude = forms.FloatField(label=_("Latitude"), required=False)
    longitude = forms.FloatField(label=_("Longitude"), required=False)
    gender = forms.ChoiceField(label=_("Gender"), choices=GENDERS, required=False)
    gender_self_described = forms.CharField(
        label=_("Gender, in their words"), max_length=60, required=False
    )

    def __init__(self, *args, person, **kwargs):
        self.person = person
        values = {name: getattr(person, name) for name in self.base_fields}
        kwargs.setdefault("initial", {k: "" if v is None else v for k, v in values.items()})
        super().__init__(*args, **kwargs)

    def phone_region(self):
        return self.person.country

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                check_contact_points_free(self.person, cleaned)
            except ValidationError as exc:
                self.add_error(None, exc)
        return cleaned
