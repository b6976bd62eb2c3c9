"""Reading an uploaded CSV: which encoding and delimiter, the header, column suggestions."""

import csv
import io
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 200 * 1024 * 1024
SNIFF_BYTES = 64 * 1024
DELIMITERS = ",;\t|"
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")  # utf-8-sig also reads plain UTF-8

MESSAGES = {
    "empty": _("The file is empty."),
    "too_big": _("The file is too big (at most %(limit)d MB)."),
    "binary": _(
        "This file is not a CSV text file (or it is saved as UTF-16). "
        "Save it as “CSV UTF-8” and upload it again."
    ),
    "no_header": _("The first line should name the columns; it is empty."),
    "no_contact": _("No column holds email addresses or phone numbers: map at least one."),
}

# Column targets an organiser can choose, beyond the person fields.
IGNORE = ""
CONSENT_TARGETS = {"consent_email": "email", "consent_sms": "sms", "consent_whatsapp": "whatsapp"}
TARGETS = [
    (IGNORE, _("Do not import")),
    ("email", _("Email")),
    ("phone", _("Phone")),
    ("given_name", _("Given name")),
    ("family_name", _("Family name")),
    ("full_name", _("Full name (split at the last space)")),
    ("postal_code", _("Postal code")),
    ("locality", _("Town or city")),
    ("region", _("Region")),
    ("country", _("Country")),
    ("language", _("Language")),
    ("tags", _("Tags (separated by ; or ,)")),
    ("consent_email", _("Email consent (yes/no)")),
    ("consent_sms", _("SMS consent (yes/no)")),
    ("consent_whatsapp", _("WhatsApp consent (yes/no)")),
    ("custom", _("Custom field (named after the column)")),
]
TARGET_CODES = frozenset(code for code, _label in TARGETS)

# Header words in English, Spanish and French, compared without accents, case or punctuation.
SYNONYMS = {
    "email": ["email", "e-mail", "mail", "email address", "correo", "correo electronico",
              "courriel", "adresse e-mail", "adresse email", "email_address"],
    "phone": ["phone", "telephone", "mobile", "cell", "phone number", "telefono", "movil",
              "celular", "portable", "numero de telephone", "tel", "whatsapp number"],
    "given_name": ["first name", "given name", "firstname", "given_name", "first_name", "nombre",
                   "prenom"],
    "family_name": ["last name", "surname", "family name", "lastname", "family_name", "last_name",
                    "apellido", "apellidos", "nom", "nom de famille"],
    "full_name": ["name", "full name", "nombre completo", "nom complet"],
    "postal_code": ["postal code", "postcode", "zip", "zip code", "postal_code", "codigo postal",
                    "code postal", "cp"],
    "locality": ["city", "town", "locality", "ciudad", "localidad", "ville", "commune"],
    "region": ["region", "state", "province", "county", "estado", "provincia", "departement"],
    "country": ["country", "pais", "pays"],
    "language": ["language", "idioma", "lengua", "langue"],
    "tags": ["tags", "tag", "etiquetas", "etiquettes"],
    "consent_email": ["email consent", "email opt in", "opt in", "optin", "newsletter",
                      "consentimiento", "consentement", "consentement email"],
    "consent_sms": ["sms consent", "sms opt in", "consentimiento sms", "consentement sms"],
}  # fmt: skip


def fold(text):
    """Lower case, no accents, punctuation as spaces: "Prénom" and "prenom" are one word."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join("".join(c if c.isalnum() or c == "-" else " " for c in text).split())


_LOOKUP = {fold(word): target for target, words in SYNONYMS.items() for word in words}


def suggest(header):
    """{column index: target} guessed from the header, each target used at most once."""
    mapping, used = {}, set()
    for index, name in enumerate(header):
        target = _LOOKUP.get(fold(name)) or _LOOKUP.get(fold(name).replace("-", " "))
        if target and target not in used:
            mapping[str(index)] = target
            used.add(target)
    return mapping


def detect(data):
    """(encoding, delimiter, header) of the bytes `data` starts with; or ValidationError."""
    if not data.strip():
        raise ValidationError(MESSAGES["empty"], code="empty")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise ValidationError(MESSAGES["binary"], code="binary")
    sample = data[:SNIFF_BYTES]
    for encoding in ENCODINGS:
        try:
            text = sample.decode(encoding)
            break
        except UnicodeDecodeError as exc:
            if encoding == "utf-8-sig" and exc.start > len(sample) - 4:
                # A character cut in two at the sample's end: the file is UTF-8 all the same.
                text = sample[: exc.start].decode(encoding)
                break
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ValidationError(MESSAGES["no_header"], code="no_header")
    delimiter = sniff_delimiter("\n".join(lines[:50]))
    header = [cell.strip() for cell in next(csv.reader([lines[0]], delimiter=delimiter))]
    return encoding, delimiter, header


def sniff_delimiter(text):
    try:
        return csv.Sniffer().sniff(text, delimiters=DELIMITERS).delimiter
    except csv.Error:
        # One column, or a sample the sniffer cannot decide on: the most frequent candidate.
        counts = {d: text.splitlines()[0].count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def open_rows(binary_file, *, encoding, delimiter):
    """A csv.reader over the file after its header (which it skips)."""
    text = io.TextIOWrapper(binary_file, encoding=encoding, errors="replace", newline="")
    reader = csv.reader(text, delimiter=delimiter)
    next(reader, None)
    return reader
