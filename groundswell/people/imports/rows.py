"""One CSV row to person values, consents and tags, with every problem as readable text."""

from dataclasses import dataclass, field
from functools import lru_cache

from django.core.exceptions import ValidationError
from django_countries import countries

from groundswell.people.validators import clean_person_fields

from .reading import CONSENT_TARGETS

YES = frozenset({"yes", "y", "true", "1", "x", "oui", "o", "si", "sí", "s", "granted", "opt-in"})
NO = frozenset({"no", "n", "false", "0", "non", "withdrawn", "opt-out"})
PERSON_TARGETS = frozenset(
    {"email", "phone", "given_name", "family_name", "postal_code", "locality", "region", "country",
     "language"}
)  # fmt: skip


@dataclass
class Row:
    number: int
    raw: list
    values: dict = field(default_factory=dict)
    consents: list = field(default_factory=list)  # [(channel, granted)]
    tags: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def convert_row(number, raw, *, mapping, consent_channels=(), source=""):
    """A Row for the CSV line `raw` under `mapping` ({column index: target})."""
    row = Row(number, raw)
    values, custom, consents = {}, {}, {}
    for index, target in mapping.items():
        cell = raw[int(index)].strip() if int(index) < len(raw) else ""
        if not cell:
            continue
        if target in PERSON_TARGETS:
            values[target] = cell
        elif target == "full_name":
            given, _space, family = " ".join(cell.split()).rpartition(" ")
            values.setdefault("given_name", given or family)
            values.setdefault("family_name", family if given else "")
        elif target == "tags":
            row.tags += [t.strip() for t in cell.replace(",", ";").split(";") if t.strip()]
        elif target in CONSENT_TARGETS:
            answer = cell.lower()
            if answer in YES or answer in NO:
                consents[CONSENT_TARGETS[target]] = answer in YES
        elif target == "custom" and int(index) < 100:
            custom[f"column_{index}"] = cell
    values = _tidy(values)
    if custom:
        values["custom_fields"] = custom
    if source:
        values["source"] = source[:100]
    try:
        row.values = clean_person_fields(values, require_contact=True)
    except ValidationError as exc:
        row.errors = [str(m) for messages in exc.message_dict.values() for m in messages]
        return row
    for channel in consent_channels:
        consents.setdefault(channel, True)
    row.consents = [
        (channel, granted)
        for channel, granted in sorted(consents.items())
        if row.values.get("email" if channel == "email" else "phone")
    ]
    return row


def _tidy(values):
    """Messy spreadsheet habits: a country written out, a postal code in lower case, names in
    capitals or with doubled spaces."""
    for key in ("given_name", "family_name", "locality", "region"):
        if key in values:
            text = " ".join(values[key].split())
            values[key] = text.title() if text.isupper() or text.islower() else text
    if "postal_code" in values:
        values["postal_code"] = " ".join(values["postal_code"].upper().split())
    country = values.get("country", "")
    if len(country) > 2:
        values["country"] = country_code(country)
    return values


@lru_cache(maxsize=1024)
def country_code(name):
    """ "Senegal" or "sénégal" as "SN"; the name itself when it is no country (an error later)."""
    return countries.by_name(name, insensitive=True) or name
