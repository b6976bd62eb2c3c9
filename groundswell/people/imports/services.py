"""State changes for CSV imports: upload, mapping, the chunked run, fuzzy review decisions.

The run works a chunk of rows at a time: one lookup of the chunk's emails and phones, bulk
inserts and updates, and the checkpoint (`rows_done`) committed with the chunk, so a killed run
resumes where it stopped and a rerun of the same file finds everyone already there.
"""

import hashlib
from collections import defaultdict
from datetime import timedelta
from itertools import islice

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from rapidfuzz import fuzz

from groundswell.core.audit import audit
from groundswell.core.bulk import bulk_insert
from groundswell.people.models import ConsentRecord, Person, Tag, Tagging, new_referral_code
from groundswell.people.services import _fill_blanks, merge_people
from groundswell.people.signals import people_created

from .models import DuplicateCandidate, ImportRowError, ImportSource, PersonImport
from .reading import MAX_UPLOAD_BYTES, MESSAGES, TARGET_CODES, detect, open_rows
from .rows import convert_row

CHUNK_SIZE = 2000
FUZZY_THRESHOLD = 88  # rapidfuzz token_sort_ratio of "given family", 0-100
FUZZY_FETCH = 5000
STALLED_AFTER = timedelta(minutes=10)


# ---------------------------------------------------------------------------------------------
# upload and mapping


@transaction.atomic
def upload_import(upload, *, source_name, actor=None):
    """Store an uploaded CSV and what it looks like; ValidationError when it cannot be read."""
    if upload.size > MAX_UPLOAD_BYTES:
        limit = MAX_UPLOAD_BYTES // (1024 * 1024)
        raise ValidationError(MESSAGES["too_big"], code="too_big", params={"limit": limit})
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    encoding, delimiter, header = detect(upload.read(64 * 1024))
    upload.seek(0)
    source, _created = ImportSource.objects.get_or_create(name=source_name.strip()[:100])
    person_import = PersonImport(
        source=source,
        file_name=(upload.name or "")[:200],
        sha256=digest.hexdigest(),
        encoding=encoding,
        delimiter=delimiter,
        header=header,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    person_import.file.save(f"{digest.hexdigest()[:16]}.csv", File(upload), save=False)
    person_import.save()
    audit("people.import_uploaded", person_import, actor=actor, file=person_import.file_name)
    return person_import


def upload_text(text, *, name="people.csv", source_name, actor=None):
    """upload_import for CSV text (the CLI, tests and the demo)."""
    data = text.encode() if isinstance(text, str) else text
    return upload_import(ContentFile(data, name=name), source_name=source_name, actor=actor)


def suggested_mapping(person_import):
    """The source's remembered mapping for the same column names, else guesses from the header."""
    from .reading import suggest

    remembered = person_import.source.mapping
    mapping = suggest(person_import.header)
    if remembered:
        by_name = {
            str(index): remembered[name]
            for index, name in enumerate(person_import.header)
            if remembered.get(name) in TARGET_CODES
        }
        mapping = by_name or mapping
    return {index: target for index, target in mapping.items() if target}


@transaction.atomic
def map_columns(person_import, *, mapping, consent_channels=(), wording_version="", actor=None):
    """Save which column is which (and remember it for the source); needs an email or phone."""
    mapping = {str(i): t for i, t in mapping.items() if t and t in TARGET_CODES}
    if not {"email", "phone"} & set(mapping.values()):
        raise ValidationError(MESSAGES["no_contact"], code="no_contact")
    person_import.mapping = mapping
    person_import.consent_channels = sorted(set(consent_channels))
    person_import.wording_version = wording_version
    person_import.status = PersonImport.Status.MAPPED
    person_import.save(update_fields=["mapping", "consent_channels", "wording_version", "status"])
    source = person_import.source
    source.mapping = {person_import.header[int(i)]: t for i, t in mapping.items()}
    source.save(update_fields=["mapping", "modified_at"])
    audit("people.import_mapped", person_import, actor=actor, mapping=source.mapping)
    return person_import


def preview_rows(person_import, limit=20):
    """The first `limit` rows as they will be imported, with their errors (nothing written)."""
    with person_import.file.open("rb") as handle:
        reader = open_rows(
            handle, encoding=person_import.encoding, delimiter=person_import.delimiter
        )
        return [_convert(person_import, number, raw) for number, raw in _numbered(reader, limit)]


def _numbered(reader, limit=None, start=0):
    """(row number, cells) with row 2 the first after the header, as a spreadsheet numbers it."""
    numbered = ((number, raw) for number, raw in enumerate(reader, start=2) if any(raw))
    return islice(numbered, start, None if limit is None else start + limit)


def _convert(person_import, number, raw):
    return convert_row(
        number,
        raw,
        mapping=person_import.mapping,
        consent_channels=person_import.consent_channels,
        source=person_import.source.name,
    )


@transaction.atomic
def queue_import(person_import, *, actor=None):
    """Start the import in the background (once: queueing a queued import does nothing)."""
    from .tasks import run_import_task

    updated = PersonImport.objects.filter(
        pk=person_import.pk, status=PersonImport.Status.MAPPED
    ).update(status=PersonImport.Status.QUEUED)
    if updated:
        audit("people.import_queued", person_import, actor=actor)
        run_import_task.enqueue(person_import.pk)
    person_import.refresh_from_db()
    return person_import


# ---------------------------------------------------------------------------------------------
# the run


def run_import(import_id, *, chunk_size=CHUNK_SIZE, max_chunks=None):
    """Import the file from its checkpoint on, chunk by chunk; then look for fuzzy twins.

    `max_chunks` stops early (a worker with a time budget); the next run carries on.
    Not atomic as a whole on purpose: each chunk commits with its checkpoint.
    """
    person_import = _claim(import_id)
    if person_import is None:
        return None
    tag = Tag.objects.filter(name__iexact=person_import.tag_name).first()
    tag = tag or Tag.objects.get_or_create(name=person_import.tag_name)[0]
    with person_import.file.open("rb") as handle:
        reader = open_rows(
            handle, encoding=person_import.encoding, delimiter=person_import.delimiter
        )
        checkpoint = person_import.rows_done
        rows = _numbered(reader, start=checkpoint)
        for done in range(max_chunks or 10**12):
            chunk = list(islice(rows, chunk_size))
            if not chunk:
                break
            if not _import_chunk(person_import, chunk, tag, checkpoint=checkpoint):
                return None  # another worker moved the checkpoint: it carries on, we stop
            checkpoint += len(chunk)
            if max_chunks is not None and done + 1 >= max_chunks:
                return person_import
    _find_fuzzy_twins(person_import, tag)
    return _finish(person_import)


def _claim(import_id):
    """The import, marked running with its row count, unless it is finished or not queued."""
    with transaction.atomic():
        person_import = (
            PersonImport.objects.select_for_update().select_related("source").get(pk=import_id)
        )
        if person_import.status not in {PersonImport.Status.QUEUED, PersonImport.Status.RUNNING}:
            return None
        if person_import.started_at is None:
            person_import.started_at = timezone.now()
            person_import.total_rows = _count_rows(person_import)
        person_import.status = PersonImport.Status.RUNNING
        person_import.heartbeat_at = timezone.now()
        person_import.save(update_fields=["status", "started_at", "total_rows", "heartbeat_at"])
        return person_import


def _count_rows(person_import):
    with person_import.file.open("rb") as handle:
        reader = open_rows(
            handle, encoding=person_import.encoding, delimiter=person_import.delimiter
        )
        return sum(1 for _row in _numbered(reader))


class _Overtaken(Exception):
    """Another worker committed this chunk first (a resumed import whose old worker woke up)."""


def _import_chunk(person_import, chunk, tag, *, checkpoint):
    """Convert, deduplicate and write one chunk, and move the checkpoint past it; False when
    another worker got there first (then nothing of ours is kept)."""
    rows = [_convert(person_import, number, raw) for number, raw in chunk]
    good = [row for row in rows if not row.errors]
    for attempt in range(3):
        try:
            with transaction.atomic():
                counts = _write_chunk(person_import, good, tag)
                ImportRowError.objects.bulk_create(
                    [
                        ImportRowError(
                            person_import=person_import,
                            row_number=row.number,
                            values=row.raw[:200],
                            message=" ".join(row.errors),
                        )
                        for row in rows
                        if row.errors
                    ],
                    ignore_conflicts=True,
                )
                moved = PersonImport.objects.filter(pk=person_import.pk, rows_done=checkpoint)
                updated = moved.update(
                    rows_done=F("rows_done") + len(chunk),
                    heartbeat_at=timezone.now(),
                    created_count=F("created_count") + counts["created"],
                    updated_count=F("updated_count") + counts["updated"],
                    unchanged_count=F("unchanged_count") + counts["unchanged"],
                    error_count=F("error_count") + len(rows) - len(good),
                )
                if not updated:
                    raise _Overtaken
            return True
        except _Overtaken:
            return False
        except IntegrityError:
            # A sign-up raced us to an email or phone, or a referral code collided: look again.
            if attempt == 2:
                raise


def _write_chunk(person_import, rows, tag):
    """Resolve each row to a person (existing, earlier in the chunk, or new) and write."""
    index = _Index(rows)
    new, touched, row_people = [], {}, []
    for row in rows:
        person = index.find(row.values)
        if person is None:
            given = {k: v for k, v in row.values.items() if v not in (None, "", {})}
            person = Person(**given, referral_code=new_referral_code())
            new.append(person)
            index.add(person)
        else:
            filled = _fill_blanks(person, row.values)
            if {"email", "phone"} & set(filled):
                index.add(person)  # a later row may find them by their new contact point
            if filled and person.pk is not None:
                touched[person.pk] = person
        row_people.append((row, person))
    bulk_insert(Person, new)
    if new:
        people_created.send(sender=Person, people=new)
    if touched:
        fields = {"modified_at", *(f for f in _fillable(rows))}
        now = timezone.now()
        for person in touched.values():
            person.modified_at = now
        Person.objects.bulk_update(list(touched.values()), sorted(fields))
    new_ids = {p.pk for p in new}
    _write_consents(person_import, row_people, new_ids=new_ids)
    _write_tags(row_people, tag, new_ids=new_ids)
    seen = {p.pk for p in new} | set(touched)
    unchanged = len({p.pk for _row, p in row_people} - seen)
    return {"created": len(new), "updated": len(touched), "unchanged": unchanged}


def _fillable(rows):
    return {field for row in rows for field in row.values}


class _Index:
    """The chunk's people by email and phone: those already in the database, then new ones."""

    def __init__(self, rows):
        emails = {row.values["email"] for row in rows if row.values.get("email")}
        phones = {row.values["phone"] for row in rows if row.values.get("phone")}
        query = Q(email__in=emails) | Q(phone__in=phones) if phones else Q(email__in=emails)
        self.by_email, self.by_phone = {}, defaultdict(list)
        for person in Person.objects.filter(query).order_by("pk"):
            self.add(person)

    def add(self, person):
        if person.email:
            self.by_email[person.email] = person
        if person.phone and not any(p is person for p in self.by_phone[person.phone]):
            self.by_phone[person.phone].append(person)

    def find(self, values):
        """The same rules as people.services._find: email, else the phone's owner."""
        email, phone = values.get("email"), values.get("phone")
        if email and email in self.by_email:
            return self.by_email[email]
        owners = self.by_phone.get(phone, []) if phone else []
        without_email = [p for p in owners if not p.email]
        if email:
            return without_email[0] if without_email else None
        if without_email:
            return without_email[0]
        return owners[0] if len(owners) == 1 else None


def _write_consents(person_import, row_people, *, new_ids):
    """One ledger row per row's consent, unless the person's current word already says it."""
    wanted = [(row, person) for row, person in row_people if row.consents]
    if not wanted:
        return
    old_ids = {person.pk for _row, person in wanted} - new_ids
    current = {}
    records = ConsentRecord.objects.filter(person_id__in=old_ids, purpose="updates").order_by(
        "recorded_at", "pk"
    )
    for person_id, channel, granted, version in records.values_list(
        "person_id", "channel", "granted", "wording_version"
    ):
        current[(person_id, channel)] = (granted, version)
    now, version, new_records = timezone.now(), person_import.wording_version, []
    for row, person in wanted:
        for channel, granted in row.consents:
            if current.get((person.pk, channel)) == (granted, version):
                continue
            current[(person.pk, channel)] = (granted, version)
            new_records.append(
                ConsentRecord(
                    person_id=person.pk,
                    channel=channel,
                    purpose="updates",
                    granted=granted,
                    recorded_at=now,
                    source="import",
                    source_detail=person_import.tag_name,
                    wording_version=version,
                )
            )
    bulk_insert(ConsentRecord, new_records)


def _write_tags(row_people, tag, *, new_ids):
    names = {name for row, _person in row_people for name in row.tags}
    tags = {tag.name.lower(): tag}
    for name in sorted(names - set(tags)):
        existing = Tag.objects.filter(name__iexact=name).order_by("pk").first()
        tags[name.lower()] = existing or Tag.objects.get_or_create(name=name[:100])[0]
    taggings = {
        (person.pk, tags[name.lower()].pk)
        for row, person in row_people
        for name in [tag.name, *row.tags]
    }
    # People created in this chunk cannot have a tagging yet: a plain fast insert for them.
    bulk_insert(Tagging, [Tagging(person_id=p, tag_id=t) for p, t in taggings if p in new_ids])
    Tagging.objects.bulk_create(
        [Tagging(person_id=p, tag_id=t) for p, t in sorted(taggings) if p not in new_ids],
        ignore_conflicts=True,
    )


def _find_fuzzy_twins(person_import, tag):
    """Pairs (someone this import created, someone with the same postal code and initial) whose
    names are alike: to the review queue, never merged here."""
    sql = """
        SELECT o.id, o.given_name, o.family_name, n.id, n.given_name, n.family_name
        FROM people_person n
        JOIN people_tagging t ON t.person_id = n.id AND t.tag_id = %s
        JOIN people_person o ON o.postal_code = n.postal_code AND o.id < n.id
          AND lower(substr(o.family_name, 1, 1)) = lower(substr(n.family_name, 1, 1))
        WHERE n.created_at >= %s AND n.postal_code <> '' AND n.family_name <> ''
    """
    found = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # After a bulk load the planner's row counts are stale and it picks a nested loop
            # over every person; fresh statistics make it hash-join on the postal code.
            cursor.execute("ANALYZE people_person, people_tagging")
        cursor.execute(sql, [tag.pk, person_import.started_at])
        while batch := cursor.fetchmany(FUZZY_FETCH):
            pairs = []
            for old_id, old_given, old_family, new_id, new_given, new_family in batch:
                score = fuzz.token_sort_ratio(
                    f"{old_given} {old_family}".lower(), f"{new_given} {new_family}".lower()
                )
                if score >= FUZZY_THRESHOLD:
                    pairs.append(
                        DuplicateCandidate(
                            person_import=person_import,
                            person_id=old_id,
                            other_id=new_id,
                            score=round(score, 1),
                        )  # fmt: skip
                    )
            found += len(DuplicateCandidate.objects.bulk_create(pairs, ignore_conflicts=True))
    PersonImport.objects.filter(pk=person_import.pk).update(review_count=found)


@transaction.atomic
def _finish(person_import):
    PersonImport.objects.filter(pk=person_import.pk).update(
        status=PersonImport.Status.DONE, finished_at=timezone.now()
    )
    person_import.refresh_from_db()
    audit(
        "people.import_finished",
        person_import,
        actor=person_import.created_by,
        rows=person_import.total_rows,
        created=person_import.created_count,
        updated=person_import.updated_count,
        errors=person_import.error_count,
        review=person_import.review_count,
    )
    return person_import


def is_stalled(person_import, now=None):
    """Queued or running, but no chunk committed for STALLED_AFTER: its worker died."""
    if person_import.status not in {PersonImport.Status.QUEUED, PersonImport.Status.RUNNING}:
        return False
    last = person_import.heartbeat_at or person_import.created_at
    return (now or timezone.now()) - last > STALLED_AFTER


@transaction.atomic
def resume_import(person_import, *, actor=None):
    """Enqueue a stalled import again; it carries on from its checkpoint. False if not stalled."""
    from .tasks import run_import_task

    locked = PersonImport.objects.select_for_update().get(pk=person_import.pk)
    if not is_stalled(locked):
        return False
    locked.heartbeat_at = timezone.now()  # a second click within STALLED_AFTER does nothing
    locked.save(update_fields=["heartbeat_at"])
    audit("people.import_resumed", locked, actor=actor, rows_done=locked.rows_done)
    run_import_task.enqueue(locked.pk)
    return True


# ---------------------------------------------------------------------------------------------
# the review queue


@transaction.atomic
def decide_candidate(candidate, *, merge, actor=None):
    """Merge the pair (the earlier person keeps their record) or keep them apart, once."""
    candidate = DuplicateCandidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.decision:
        return candidate
    if merge and candidate.person_id and candidate.other_id:
        merge_people(candidate.person, candidate.other, actor=actor)
    candidate.decision = (
        DuplicateCandidate.Decision.MERGE if merge else DuplicateCandidate.Decision.SEPARATE
    )
    candidate.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    candidate.decided_at = timezone.now()
    candidate.save(update_fields=["decision", "decided_by", "decided_at"])
    audit("people.duplicate_decided", candidate, actor=actor, decision=candidate.decision)
    return candidate
