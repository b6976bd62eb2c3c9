"""State changes for people: upsert with dedup, the consent ledger, tags, staff edits, merges."""

from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery, UniqueConstraint
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groundswell.core.audit import audit

from .models import CHANNELS, CONSENT_SOURCES, ConsentRecord, Person, Segment, Tag, Tagging
from .signals import people_merged, person_created
from .validators import PERSON_FIELDS, clean_person_fields

# A lost race on the unique email/phone is retried by looking again; a third loss is a real error.
UPSERT_ATTEMPTS = 3
CHANNEL_CODES = frozenset(code for code, _label in CHANNELS)
CONSENT_SOURCE_CODES = frozenset(code for code, _label in CONSENT_SOURCES)
TAG_MAX_LENGTH = Tag._meta.get_field("name").max_length
PURPOSE_MAX_LENGTH = ConsentRecord._meta.get_field("purpose").max_length

MESSAGES = {
    "consents": _("Each consent needs a known channel, a purpose and whether it was granted."),
    "tags": _("Each tag needs a name of at most %(limit)d characters."),
    "email_taken": _("Another person already has this email address."),
    "phone_taken": _("Another person without an email address already has this phone number."),
    "language": _("Choose one of the languages offered."),
}


def _blank(value):
    return value is None or value == "" or value == {}


# ---------------------------------------------------------------------------------------------
# upsert


def upsert_person(
    *,
    email=None,
    phone=None,
    source="",
    consents=(),
    consent_source="form",
    consent_source_detail="",
    wording_version=None,
    tags=(),
    actor=None,
    **fields,
):
    """Find a person by email, then phone, or create them; fill blanks; record consents, tags.

    Everything is checked before the transaction starts, so a caller may catch the errors of bad
    input inside its own transaction; the writes join the caller's transaction without a
    savepoint of their own (_find_or_create keeps the one a lost race needs).
    """
    values, consents, tags = _validate_upsert(
        {"email": email, "phone": phone, "source": source, **fields}, consents, tags
    )
    if consent_source not in CONSENT_SOURCE_CODES:
        raise ValueError(f"unknown consent source {consent_source!r}")
    if wording_version is None:
        wording_version = settings.GROUNDSWELL["CONSENT_WORDING_VERSION"]
    with transaction.atomic(savepoint=False):
        return _upsert(
            values,
            consents,
            tags,
            source=source,
            consent_source=consent_source,
            consent_source_detail=consent_source_detail,
            wording_version=wording_version,
            actor=actor,
        )


def _upsert(
    values, consents, tags, *, source, consent_source, consent_source_detail, wording_version, actor
):
    person, created, filled = _find_or_create(values)
    now = timezone.now()
    for consent in consents:
        ConsentRecord.objects.create(
            person=person,
            recorded_at=now,
            source=consent_source,
            source_detail=consent_source_detail,
            wording_version=wording_version,
            **consent,
        )
    for name in tags:
        _tag(person, name)
    verb = "person.created" if created else "person.upserted"
    audit(verb, person, actor=actor, source=source, fields=filled, consents=consents, tags=tags)
    if created:
        person_created.send(sender=Person, person=person)
    return person, created


def _validate_upsert(values, consents, tags):
    """Every problem with the fields, consents and tags at once, before anything is written."""
    errors = {}
    try:
        values = clean_person_fields(values, require_contact=True)
    except ValidationError as exc:
        exc.update_error_dict(errors)
    try:
        consents = [_clean_consent(consent) for consent in consents]
    except ValidationError as exc:
        exc.update_error_dict(errors)
    try:
        tags = list(dict.fromkeys(_clean_tag(name) for name in tags))
    except ValidationError as exc:
        exc.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    return values, consents, tags


def _clean_consent(consent):
    if not isinstance(consent, Mapping) or set(consent) - {"channel", "purpose", "granted"}:
        raise ValidationError({"consents": ValidationError(MESSAGES["consents"], code="invalid")})
    purpose = consent.get("purpose", "updates")
    if (
        consent.get("channel") not in CHANNEL_CODES
        or not isinstance(consent.get("granted"), bool)
        or not isinstance(purpose, str)
        or not 0 < len(purpose) <= PURPOSE_MAX_LENGTH
    ):
        raise ValidationError({"consents": ValidationError(MESSAGES["consents"], code="invalid")})
    return {"channel": consent["channel"], "purpose": purpose, "granted": consent["granted"]}


def _clean_tag(name):
    name = name.strip() if isinstance(name, str) else ""
    if not 0 < len(name) <= TAG_MAX_LENGTH or "\x00" in name:
        error = ValidationError(MESSAGES["tags"], code="invalid", params={"limit": TAG_MAX_LENGTH})
        raise ValidationError({"tags": error})
    return name


def _find_or_create(values):
    """(person, created, fields filled), relying on the unique constraints against twins."""
    for attempt in range(UPSERT_ATTEMPTS):
        # Looking (and locking) cannot break a unique constraint: only a write needs a savepoint,
        # so someone already known with nothing to fill costs no savepoint.
        person = _find(values.get("email"), values.get("phone"))
        filled = _fill_blanks(person, values) if person is not None else []
        if person is not None and not filled:
            return person, False, filled
        try:
            with transaction.atomic():  # a savepoint: a lost race rolls back only this attempt
                if person is None:
                    given = {field: value for field, value in values.items() if not _blank(value)}
                    return Person.objects.create(**given), True, sorted(given)
                person.save(update_fields=[*filled, "modified_at"])
                return person, False, filled
        except IntegrityError:
            # A concurrent submission created this person first; the next look finds them.
            if attempt == UPSERT_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _find(email, phone):
    """The person with this email; else the one this phone belongs to (a family phone shared by
    people who have emails is nobody's in particular)."""
    people = Person.objects.select_for_update()
    if email:
        person = people.filter(email=email).first()
        if person is not None or not phone:
            return person
        return people.filter(phone=phone, email__isnull=True).first()
    if not phone:
        return None
    matches = list(people.filter(phone=phone).order_by(F("email").asc(nulls_first=True), "pk")[:2])
    if matches and (matches[0].email is None or len(matches) == 1):
        return matches[0]
    return None


def _fill_blanks(person, values):
    """Give `person` the values of fields they left empty; never overwrite. Returns field names."""
    filled = []
    for field, value in values.items():
        if field == "custom_fields":
            merged = {**value, **{k: v for k, v in person.custom_fields.items() if not _blank(v)}}
            if merged != person.custom_fields:
                person.custom_fields = merged
                filled.append(field)
        elif not _blank(value) and _blank(getattr(person, field)):
            setattr(person, field, value)
            filled.append(field)
    return filled


# ---------------------------------------------------------------------------------------------
# consent ledger


@transaction.atomic
def record_consent(
    person,
    *,
    channel,
    purpose="updates",
    granted,
    source,
    source_detail="",
    wording_version="",
    at=None,
    actor=None,
):
    """Append one row to the consent ledger; the latest row per (channel, purpose) is current."""
    consent = _clean_consent({"channel": channel, "purpose": purpose, "granted": granted})
    if source not in CONSENT_SOURCE_CODES:
        raise ValueError(f"unknown consent source {source!r}")
    if at is not None and timezone.is_naive(at):
        raise ValueError("consent time must be timezone-aware")
    record = ConsentRecord.objects.create(
        person=person,
        recorded_at=at or timezone.now(),
        source=source,
        source_detail=source_detail,
        wording_version=wording_version,
        **consent,
    )
    if actor is not None:
        audit("person.consent_recorded", person, actor=actor, **consent)
    return record


def current_consents(person):
    """{(channel, purpose): the ledger's latest ConsentRecord for it}."""
    current = {}
    for record in person.consents.order_by("recorded_at", "pk"):
        current[(record.channel, record.purpose)] = record
    return current


def has_consent(person, channel, purpose="updates"):
    """Whether the person's latest word on `channel` for `purpose` is yes."""
    latest = (
        person.consents.filter(channel=channel, purpose=purpose)
        .order_by("-recorded_at", "-pk")
        .values_list("granted", flat=True)
        .first()
    )
    return bool(latest)


def with_current_consent(channel, purpose="updates", *, queryset=None):
    """People whose latest consent for `channel`/`purpose` is granted, as one SQL query.

    Read-only; it lives here beside the ledger's rules so the two cannot drift apart.
    """
    latest = ConsentRecord.objects.filter(
        person=OuterRef("pk"), channel=channel, purpose=purpose
    ).order_by("-recorded_at", "-pk")
    people = Person.objects.all() if queryset is None else queryset
    return people.annotate(current_consent=Subquery(latest.values("granted")[:1])).filter(
        current_consent=True
    )


# ---------------------------------------------------------------------------------------------
# tags and staff edits


@transaction.atomic
def tag_person(person, name, *, actor=None):
    """Put the tag `name` (created if new, matched case-insensitively) on `person`."""
    name = _clean_tag(name)
    tagging, created = _tag(person, name)
    if created:
        audit("person.tagged", person, actor=actor, tag=tagging.tag.name)
    return tagging


def _tag(person, name):
    tag = Tag.objects.filter(name__iexact=name).order_by("pk").first()
    if tag is None:
        tag, _created = Tag.objects.get_or_create(name=name)
    return Tagging.objects.get_or_create(person=person, tag=tag)


@transaction.atomic
def untag_person(person, name, *, actor=None):
    """Take the tag `name` off `person`; True if it was there."""
    deleted, _by_model = Tagging.objects.filter(person=person, tag__name__iexact=name).delete()
    if deleted:
        audit("person.untagged", person, actor=actor, tag=name)
    return bool(deleted)


@transaction.atomic
def update_person(person, *, actor=None, **fields):
    """Staff edit: validate, overwrite the given fields, audit which ones changed."""
    values = clean_person_fields(fields, country=person.country)
    if values.get("language") == "":
        raise ValidationError({"language": ValidationError(MESSAGES["language"], code="required")})
    check_contact_points_free(person, values)
    changed = [field for field, value in values.items() if getattr(person, field) != value]
    for field in changed:
        setattr(person, field, values[field])
    if changed:
        try:
            with transaction.atomic():
                person.save(update_fields=[*changed, "modified_at"])
        except IntegrityError:
            check_contact_points_free(person, values)  # explains a race lost since the check
            raise
        audit("person.updated", person, actor=actor, fields=changed)
    return person


def check_contact_points_free(person, values):
    """Raise a ValidationError if `values` would give `person` another person's email/phone."""
    others = Person.objects.exclude(pk=person.pk)
    email = values.get("email", person.email)
    phone = values.get("phone", person.phone)
    errors = {}
    if email and others.filter(email=email).exists():
        errors["email"] = ValidationError(MESSAGES["email_taken"], code="unique")
    if phone and not email and others.filter(phone=phone, email__isnull=True).exists():
        errors["phone"] = ValidationError(MESSAGES["phone_taken"], code="unique")
    if errors:
        raise ValidationError(errors)


# ---------------------------------------------------------------------------------------------
# saved segments (organiser pages)


@transaction.atomic
def save_segment(name, *, criteria, actor=None):
    """Save `criteria` as a segment; the same name and criteria from one user is one segment."""
    from groundswell.journeys.criteria import parse_criteria

    parse_criteria(criteria)  # raises CriteriaError: a saved segment always parses
    author = actor if getattr(actor, "is_authenticated", False) else None
    if author is not None:
        # Lock the author's row so a double submit waits for the first save, then finds it.
        list(author._meta.model.objects.select_for_update().filter(pk=author.pk).values_list("pk"))
    for segment in Segment.objects.filter(name=name, created_by=author):
        if segment.criteria == criteria:
            return segment
    segment = Segment.objects.create(name=name, criteria=criteria, created_by=author)
    audit("segment.created", segment, actor=actor, name=name)
    return segment


@transaction.atomic
def update_segment(segment, *, name, criteria, actor=None):
    """Rename a segment or change its criteria."""
    from groundswell.journeys.criteria import parse_criteria

    parse_criteria(criteria)
    segment.name, segment.criteria = name, criteria
    segment.save(update_fields=["name", "criteria", "modified_at"])
    audit("segment.updated", segment, actor=actor, name=name)
    return segment


@transaction.atomic
def delete_segment(segment, *, actor=None):
    """Delete a saved segment (the people in it are untouched)."""
    audit("segment.deleted", segment, actor=actor, name=segment.name)
    segment.delete()


# ---------------------------------------------------------------------------------------------
# merge


@transaction.atomic
def merge_people(keep, lose, *, actor=None):
    """Fold `lose` into `keep`: every row pointing at `lose` moves, blanks fill, `lose` goes."""
    if keep.pk == lose.pk:
        raise ValueError("cannot merge a person into themselves")
    locked = Person.objects.select_for_update().filter(pk__in=[keep.pk, lose.pk]).order_by("pk")
    people = {person.pk: person for person in locked}
    keep, lose = people[keep.pk], people[lose.pk]
    merged_id, merged_uuid, lose_created = lose.pk, str(lose.uuid), lose.created_at
    moved, dropped = _move_related_rows(keep, lose)
    values = {field: getattr(lose, field) for field in PERSON_FIELDS}
    # Rows that could not move (the winner already has their twin) follow their on_delete rule:
    # a duplicate tagging or membership is deleted, a second login account is unlinked.
    lose.delete()
    filled = _fill_blanks(keep, values)
    update_fields = [*filled, "modified_at"]
    if lose_created < keep.created_at:  # the merged person arrived when the first of them did
        keep.created_at = lose_created
        update_fields.append("created_at")
    keep.save(update_fields=update_fields)
    audit(
        "person.merged",
        keep,
        actor=actor,
        merged_id=merged_id,
        merged_uuid=merged_uuid,
        moved=moved,
        dropped=dropped,
        filled=filled,
    )
    people_merged.send(sender=Person, kept=keep, merged_id=merged_id)
    return keep


def person_references():
    """Every foreign key and one-to-one pointing at Person from any installed app, including
    hidden ones (related_name="+") and many-to-many through tables."""
    return [
        rel.field
        for rel in Person._meta.get_fields(include_hidden=True)
        if rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one)
    ]


def _move_related_rows(keep, lose):
    """Re-point rows from `lose` to `keep` in bulk, leaving behind those that would break a
    unique constraint. Returns ({label: moved}, {label: left behind})."""
    moved, dropped = {}, {}
    for field in person_references():
        model, name = field.model, field.name
        rows = model._base_manager.filter(**{name: lose})
        clash = _clash_with(model, name, keep)
        label = f"{model._meta.label_lower}.{name}"
        if clash is not None:
            dropped[label] = rows.filter(clash).count()
            rows = rows.exclude(clash)
        moved[label] = rows.update(**{name: keep})
    return (
        {label: n for label, n in moved.items() if n},
        {label: n for label, n in dropped.items() if n},
    )


def _clash_with(model, name, keep):
    """A condition true for rows that would duplicate one of `keep`'s under a unique rule on
    `model` involving the person field `name`; None when no such rule exists."""
    clash = None
    for others, condition in _unique_rules(model, name):
        twins = model._base_manager.filter(**{name: keep}, **{f: OuterRef(f) for f in others})
        rule = Q(Exists(twins.filter(condition) if condition else twins))
        if condition:
            rule &= condition
        clash = rule if clash is None else clash | rule
    return clash


def _unique_rules(model, name):
    """(other fields, condition) of each unique rule on `model` that includes field `name`."""
    opts = model._meta
    if opts.get_field(name).unique:
        yield (), None
    for fields in opts.unique_together:
        if name in fields:
            yield tuple(f for f in fields if f != name), None
    for constraint in opts.constraints:
        if isinstance(constraint, UniqueConstraint) and name in constraint.fields:
            yield tuple(f for f in constraint.fields if f != name), constraint.condition
