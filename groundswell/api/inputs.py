"""Reading OSDI request bodies into the keyword arguments our services take; bad shapes are 400s."""

from urllib.parse import urlparse

import phonenumbers
from django.utils.translation import gettext as _

from .errors import ApiError
from .hal import person_uuid

PERSON_KEYS = {
    "identifiers",
    "given_name",
    "family_name",
    "email_addresses",
    "phone_numbers",
    "postal_addresses",
    "languages_spoken",
    "custom_fields",
}
ADDRESS_KEYS = {
    "primary",
    "address_lines",
    "locality",
    "region",
    "postal_code",
    "country",
    "location",
    "address_type",
    "language",
}
STATUS_CONSENT = {"subscribed": True, "unsubscribed": False}


def _fail(message, **params):
    raise ApiError(400, message % params if params else message)


def _object(value, name):
    if not isinstance(value, dict):
        _fail(_("%(field)s must be an object."), field=name)
    return value


def _list_of_objects(value, name):
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        _fail(_("%(field)s must be a list of objects."), field=name)
    return value


def _text(value, name):
    if value is None:
        return ""
    if not isinstance(value, str):
        _fail(_("%(field)s must be a string."), field=name)
    return value


def _unknown(data, allowed, where):
    unknown = sorted(set(data) - allowed)
    if unknown:
        _fail(_("Unknown field %(field)s in %(where)s."), field=unknown[0], where=where)


def _primary(items):
    """The primary entry of an OSDI list, else the first one."""
    return next((item for item in items if item.get("primary") is True), items[0])


def person_fields(data):
    """(upsert fields, consents) from an OSDI person object."""
    data = _object(data, "person")
    _unknown(data, PERSON_KEYS, "person")
    fields, consents = {}, []
    for name in ("given_name", "family_name"):
        if name in data:
            fields[name] = _text(data[name], name)
    emails = _list_of_objects(data.get("email_addresses", []), "email_addresses")
    if emails:
        email = _primary(emails)
        fields["email"] = _text(email.get("address"), "email_addresses.address")
        consents += _consent(email, "email", "email_addresses.status")
    phones = _list_of_objects(data.get("phone_numbers", []), "phone_numbers")
    if phones:
        phone = _primary(phones)
        fields["phone"] = _phone(_text(phone.get("number"), "phone_numbers.number"))
        consents += _consent(phone, "sms", "phone_numbers.status")
    addresses = _list_of_objects(data.get("postal_addresses", []), "postal_addresses")
    if addresses:
        fields.update(_address(_primary(addresses)))
    languages = data.get("languages_spoken", [])
    if not isinstance(languages, list) or not all(isinstance(code, str) for code in languages):
        _fail(_("%(field)s must be a list of strings."), field="languages_spoken")
    if languages:
        fields["language"] = languages[0].strip().lower()[:2]
    if "custom_fields" in data:
        fields["custom_fields"] = _custom_fields(data["custom_fields"])
    return fields, consents


def _phone(number):
    """Action Network writes numbers as digits with the country code and no plus
    ("221771234567"): read those as international when that makes a valid number."""
    digits = number.strip()
    if digits.isdigit() and not digits.startswith("0"):
        try:
            parsed = phonenumbers.parse("+" + digits)
        except phonenumbers.NumberParseException:
            return number
        if phonenumbers.is_valid_number(parsed):
            return "+" + digits
    return number


def _consent(entry, channel, name):
    status = entry.get("status")
    if status is None:
        return []
    if status not in STATUS_CONSENT:
        _fail(_("%(field)s must be subscribed or unsubscribed."), field=name)
    return [{"channel": channel, "purpose": "updates", "granted": STATUS_CONSENT[status]}]


def _address(address):
    _unknown(address, ADDRESS_KEYS, "postal_addresses")
    fields = {
        name: _text(address[name], f"postal_addresses.{name}")
        for name in ("locality", "region", "postal_code", "country")
        if name in address
    }
    location = address.get("location")
    if location is not None:
        location = _object(location, "postal_addresses.location")
        for ours, theirs in (("latitude", "latitude"), ("longitude", "longitude")):
            value = location.get(theirs)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float)
            ):
                _fail(_("%(field)s must be a number."), field=f"location.{theirs}")
            if value is not None:
                fields[ours] = float(value)
    return fields


def _custom_fields(value):
    value = _object(value, "custom_fields")
    for key, item in value.items():
        if len(key) > 100 or not isinstance(item, str | int | float | bool | type(None)):
            _fail(_("custom_fields values must be strings, numbers or true/false."))
        if isinstance(item, str) and len(item) > 2000:
            _fail(_("custom_fields values must be at most 2000 characters."))
    if len(value) > 100:
        _fail(_("custom_fields may hold at most 100 fields."))
    return value


def tag_names(value, name="add_tags"):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(tag, str) for tag in value):
        _fail(_("%(field)s must be a list of strings."), field=name)
    if len(value) > 100:
        _fail(_("%(field)s may hold at most 100 tags."), field=name)
    return value


def linked_person_uuid(body):
    """The uuid of the person a body links to with _links.osdi:person.href, or None."""
    links = body.get("_links")
    if links is None:
        return None
    person = _object(_object(links, "_links").get("osdi:person"), "_links.osdi:person")
    href = _text(person.get("href"), "_links.osdi:person.href")
    return person_uuid(urlparse(href).path.rstrip("/").rsplit("/", 1)[-1])
