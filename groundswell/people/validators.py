"""Normalise and validate what people tell us, one rule per field, shared by services, forms and
the API. Every error is a ValidationError keyed by the field name, with a translatable message."""

import functools
import json
import math

import idna
import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import GENDERS, Person

MESSAGES = {
    "email": _("Enter a valid email address."),
    "phone": _("Enter a valid phone number, with the country code if it is from abroad."),
    "country": _("Choose a country from the list (a two-letter ISO 3166 code)."),
    "language": _("Choose one of the languages offered."),
    "gender": _("Choose one of the options offered."),
    "max_length": _("%(field)s can be at most %(limit)d characters long (it has %(count)d)."),
    "null_characters": _("%(field)s contains characters that are not allowed."),
    "not_text": _("%(field)s must be text."),
    "latitude": _("Latitude must be a number between -90 and 90."),
    "longitude": _("Longitude must be a number between -180 and 180."),
    "custom_fields": _("Custom fields must be a set of named values."),
    "contact": _("Give an email address or a phone number."),
}

# Fields a service may set on a Person; the rest (ids, codes, timestamps) are the system's.
TEXT_FIELDS = (
    "given_name",
    "family_name",
    "region",
    "locality",
    "postal_code",
    "gender_self_described",
    "source",
)
PERSON_FIELDS = (
    "email",
    "phone",
    "language",
    "country",
    *TEXT_FIELDS,
    "latitude",
    "longitude",
    "gender",
    "custom_fields",
)
COORDINATE_LIMITS = {"latitude": 90, "longitude": 180}

_email_validator = EmailValidator()


def _error(key, code, /, **params):
    return ValidationError({key: ValidationError(MESSAGES[code], code=code, params=params)})


def _text(field, raw):
    """`raw` as stripped text; rejects non-text and NUL characters (PostgreSQL refuses them)."""
    if raw is None:
        return ""
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise _error(field, "not_text", field=_verbose(field))
    value = str(raw).strip()
    if "\x00" in value:
        raise _error(field, "null_characters", field=_verbose(field))
    return value


def _verbose(field):
    return capfirst(Person._meta.get_field(field).verbose_name)


def normalise_email(raw):
    """Lower-case, trimmed, IDNA-encoded domain; None when empty; ValidationError keyed "email"."""
    value = _text("email", raw).lower()
    if not value:
        return None
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        raise _error("email", "email")
    try:
        domain = _idna_domain(domain.rstrip("."))
    except idna.IDNAError as exc:
        raise _error("email", "email") from exc
    value = f"{local}@{domain}"
    if len(value) > Person._meta.get_field("email").max_length:
        raise _error("email", "email")
    try:
        _email_validator(value)
    except ValidationError as exc:
        raise _error("email", "email") from exc
    return value


@functools.lru_cache(maxsize=4096)
def _idna_domain(domain):
    """IDNA is slow and a list of a million people has a few thousand domains: remember them."""
    return idna.encode(domain, uts46=True).decode("ascii")


def normalise_phone(raw, *, country=None):
    """E.164 ("+221771234567"); national numbers read in `country` or the default country."""
    value = _text("phone", raw)
    if not value:
        return None
    region = (country or settings.GROUNDSWELL.get("DEFAULT_COUNTRY") or "").upper() or None
    if region is None and value.startswith("00"):
        value = "+" + value[2:]  # the international prefix of most of the world
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise _error("phone", "phone") from exc
    if not phonenumbers.is_valid_number(number):
        raise _error("phone", "phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_country(raw):
    """An ISO 3166-1 alpha-2 code in upper case, or "" when not given."""
    value = _text("country", raw).upper()
    if not value:
        return ""
    if len(value) != 2 or countries.alpha2(value) != value:
        raise _error("country", "country")
    return value


def normalise_language(raw):
    """A code from settings.LANGUAGES ("es-MX" becomes "es"), or "" when not given."""
    value = _text("language", raw).lower().replace("_", "-")
    if not value:
        return ""
    codes = {code for code, _name in settings.LANGUAGES}
    for candidate in (value, value.split("-")[0]):
        if candidate in codes:
            return candidate
    raise _error("language", "language")


def normalise_text(field, raw):
    """Stripped text no longer than the model field allows."""
    value = _text(field, raw)
    limit = Person._meta.get_field(field).max_length
    if len(value) > limit:
        raise _error(field, "max_length", field=_verbose(field), limit=limit, count=len(value))
    return value


def normalise_gender(raw):
    value = _text("gender", raw)
    if value not in {code for code, _label in GENDERS}:
        raise _error("gender", "gender")
    return value


def normalise_coordinate(field, raw):
    """A float within the range of `field` ("latitude" or "longitude"), or None when empty."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    try:
        if isinstance(raw, bool):
            raise TypeError(raw)
        value = float(raw)
    except (TypeError, ValueError) as exc:
        raise _error(field, field) from exc
    if not math.isfinite(value) or abs(value) > COORDINATE_LIMITS[field]:
        raise _error(field, field)
    return value


def normalise_custom_fields(raw):
    """A JSON object with short text keys; {} when empty."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(k, str) and 0 < len(k) <= 100 for k in raw):
        raise _error("custom_fields", "custom_fields")
    try:
        json.dumps(raw)
    except (TypeError, ValueError) as exc:
        raise _error("custom_fields", "custom_fields") from exc
    return dict(raw)


def clean_person_fields(values, *, country=None, require_contact=False):
    """Normalise every Person field in `values`; raise one ValidationError listing every problem.

    `country` is the phone region hint when `values` has no country of its own.
    """
    unknown = set(values) - set(PERSON_FIELDS)
    if unknown:
        raise TypeError(f"not a Person field a service may set: {', '.join(sorted(unknown))}")
    errors, cleaned = {}, {}
    for field in sorted(values, key=lambda f: f == "phone"):  # country before the phone it hints
        try:
            cleaned[field] = _clean_one(field, values[field], cleaned.get("country") or country)
        except ValidationError as exc:
            exc.update_error_dict(errors)
    if require_contact and not errors and not (cleaned.get("email") or cleaned.get("phone")):
        errors["email"] = [ValidationError(MESSAGES["contact"], code="contact")]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _clean_one(field, raw, country):
    if field == "email":
        return normalise_email(raw)
    if field == "phone":
        return normalise_phone(raw, country=country)
    if field == "country":
        return normalise_country(raw)
    if field == "language":
        return normalise_language(raw)
    if field == "gender":
        return normalise_gender(raw)
    if field in COORDINATE_LIMITS:
        return normalise_coordinate(field, raw)
    if field == "custom_fields":
        return normalise_custom_fields(raw)
    return normalise_text(field, raw)
