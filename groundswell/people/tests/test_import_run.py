import pytest

from groundswell.core.models import AuditEntry
from groundswell.people.imports.models import DuplicateCandidate, ImportRowError, PersonImport
from groundswell.people.imports.services import _import_chunk, decide_candidate, run_import
from groundswell.people.models import ConsentRecord, Person, Tag, Tagging
from groundswell.test import make_person

from .importing import HEADER, imported, mapped, media  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("media")

FILE = (
    HEADER
    + "ana@example.org,Ana,García,,SW1A 1AA,SN,yes,Dakar\n"
    + " ANA@EXAMPLE.ORG ,,,+221 77 123 45 67,,,yes,\n"  # the same person again, messier
    + ",Bo,Diallo,+221771234568,,SN,no,\n"
    + ",,,+221 77 123 45 68,,SN,,\n"  # Bo again, by phone
    + "bad-email,Cy,,,,,,\n"
    + ",Nobody,,,,,,\n"
)


def queue(person_import):
    PersonImport.objects.filter(pk=person_import.pk).update(status=PersonImport.Status.QUEUED)
    return person_import


@pytest.mark.django_db
def test_an_import_creates_each_person_once_within_the_file():
    person_import = imported(FILE)
    assert person_import.status == PersonImport.Status.DONE
    assert (person_import.total_rows, person_import.rows_done) == (6, 6)
    assert (person_import.created_count, person_import.error_count) == (2, 2)
    ana = Person.objects.get(email="ana@example.org")
    assert ana.phone == "+221771234567"  # filled from her second row
    assert Person.objects.filter(phone="+221771234568").count() == 1
    assert Person.objects.count() == 2


@pytest.mark.django_db
def test_rows_match_people_already_here_by_email_then_phone_and_fill_only_blanks():
    ana = make_person("ana@example.org", given_name="Anita")
    bo = make_person(None, phone="+221771234568", given_name="Bo")
    person_import = imported(FILE)
    assert person_import.created_count == 0
    ana.refresh_from_db()
    assert ana.given_name == "Anita"  # never overwritten
    assert ana.family_name == "García"  # a blank filled
    assert Person.objects.filter(pk=bo.pk, family_name="Diallo").exists()
    assert Person.objects.count() == 2


@pytest.mark.django_db
def test_consent_and_source_are_recorded_for_every_row():
    imported(FILE, wording_version="2024-05")
    ana = Person.objects.get(email="ana@example.org")
    bo = Person.objects.get(phone="+221771234568")
    assert ana.source == bo.source == "Old CRM"
    consent = ConsentRecord.objects.get(person=ana)
    assert (consent.channel, consent.granted, consent.source) == ("email", True, "import")
    assert consent.wording_version == "2024-05"
    assert not ConsentRecord.objects.filter(person=bo).exists()  # "no" to email, and no email


@pytest.mark.django_db
def test_consent_given_for_the_whole_file_is_recorded_per_channel_with_a_contact_point():
    imported(FILE, consent_channels=["sms"])
    bo = Person.objects.get(phone="+221771234568")
    assert list(ConsentRecord.objects.filter(person=bo).values_list("channel", "granted")) == [
        ("sms", True)
    ]


@pytest.mark.django_db
def test_everyone_imported_carries_the_batch_tag_and_their_own_tags():
    person_import = imported(FILE)
    ana = Person.objects.get(email="ana@example.org")
    names = set(Tagging.objects.filter(person=ana).values_list("tag__name", flat=True))
    assert names == {person_import.tag_name, "Dakar"}
    assert Tagging.objects.filter(tag__name=person_import.tag_name).count() == 2


@pytest.mark.django_db
def test_each_bad_row_is_reported_and_the_good_rows_still_import():
    person_import = imported(FILE)
    errors = list(ImportRowError.objects.filter(person_import=person_import))
    assert [(e.row_number, e.message) for e in errors] == [
        (6, "Enter a valid email address."),
        (7, "Give an email address or a phone number."),
    ]
    assert errors[0].values[:2] == ["bad-email", "Cy"]


@pytest.mark.django_db
def test_a_rerun_of_the_same_file_changes_nothing():
    first = imported(FILE)
    before = (
        list(Person.objects.order_by("pk").values()),
        list(ConsentRecord.objects.order_by("pk").values()),
        list(Tagging.objects.order_by("pk").values_list("person", "tag")),
    )
    second = imported(FILE)
    after = (
        list(Person.objects.order_by("pk").values()),
        list(ConsentRecord.objects.order_by("pk").values()),
        list(Tagging.objects.order_by("pk").values_list("person", "tag")),
    )
    assert first.sha256 == second.sha256
    assert after == before
    assert (second.created_count, second.updated_count, second.unchanged_count) == (0, 0, 2)


@pytest.mark.django_db
def test_a_killed_import_resumes_from_its_checkpoint_without_duplicates():
    rows = "".join(f"p{n}@example.org,P{n},,,,,yes,\n" for n in range(10))
    rows += "p3@example.org,,Again,,,,,\n"  # a duplicate in a later chunk
    person_import = queue(mapped(HEADER + rows))
    run_import(person_import.pk, chunk_size=4, max_chunks=1)  # the worker dies after chunk 1
    person_import.refresh_from_db()
    assert (person_import.status, person_import.rows_done) == (PersonImport.Status.RUNNING, 4)
    assert Person.objects.count() == 4
    run_import(person_import.pk, chunk_size=4)  # a worker picks it up again
    person_import.refresh_from_db()
    assert person_import.status == PersonImport.Status.DONE
    assert (person_import.rows_done, person_import.total_rows) == (11, 11)
    assert Person.objects.count() == 10
    assert ConsentRecord.objects.count() == 10
    assert Person.objects.get(email="p3@example.org").family_name == "Again"


@pytest.mark.django_db
def test_a_finished_import_does_not_run_again():
    person_import = imported(FILE)
    assert run_import(person_import.pk) is None


@pytest.mark.django_db
def test_a_similar_name_at_the_same_postal_code_goes_to_the_review_queue_not_merged():
    old = make_person("ana.garcia@example.org", given_name="Ana", family_name="Garcia",
                      postal_code="SW1A 1AA")  # fmt: skip
    make_person(
        "someone@example.org", given_name="Zed", family_name="Gomez", postal_code="SW1A 1AA"
    )
    person_import = imported(FILE)
    new = Person.objects.get(email="ana@example.org")
    candidate = DuplicateCandidate.objects.get()
    assert (candidate.person, candidate.other, candidate.person_import) == (old, new, person_import)
    assert candidate.score >= 88
    assert person_import.review_count == 1
    assert Person.objects.filter(pk__in=[old.pk, new.pk]).count() == 2


@pytest.mark.django_db
def test_deciding_to_merge_folds_the_imported_twin_into_the_earlier_person(world):
    old = make_person("ana.garcia@example.org", given_name="Ana", family_name="Garcia",
                      postal_code="SW1A 1AA")  # fmt: skip
    imported(FILE)
    candidate = DuplicateCandidate.objects.get()
    decide_candidate(candidate, merge=True, actor=world.hq)
    candidate.refresh_from_db()
    assert candidate.decision == "merge"
    assert candidate.decided_by == world.hq
    assert not Person.objects.filter(email="ana@example.org").exists()
    old.refresh_from_db()
    assert old.phone == "+221771234567"  # a blank filled from the imported twin
    assert AuditEntry.objects.filter(verb="person.merged", object_id=str(old.pk)).exists()


@pytest.mark.django_db
def test_keeping_a_pair_separate_leaves_both_people(world):
    make_person("ana.garcia@example.org", given_name="Ana", family_name="Garcia",
                postal_code="SW1A 1AA")  # fmt: skip
    imported(FILE)
    candidate = decide_candidate(DuplicateCandidate.objects.get(), merge=False, actor=world.hq)
    assert candidate.decision == "separate"
    assert Person.objects.filter(email="ana@example.org").exists()


@pytest.mark.django_db
def test_the_finished_import_is_in_the_audit_log():
    person_import = imported(FILE)
    entry = AuditEntry.objects.get(verb="people.import_finished")
    assert entry.object_id == str(person_import.pk)
    assert entry.data["created"] == 2


@pytest.mark.django_db
def test_imported_people_start_their_journey_like_anyone_who_signs_up():
    from groundswell.journeys.models import PersonStats, StageTransition

    signed_up = make_person("web@example.org")
    imported(FILE)
    ana = Person.objects.get(email="ana@example.org")
    web_stage = PersonStats.objects.get(person=signed_up).stage_id
    assert PersonStats.objects.get(person=ana).stage_id == web_stage
    assert StageTransition.objects.filter(person=ana, reason="joined").count() == 1


@pytest.mark.django_db
def test_a_worker_overtaken_by_another_stops_without_writing_its_chunk():
    rows = "".join(f"p{n}@example.org,P{n},,,,,,\n" for n in range(6))
    person_import = queue(mapped(HEADER + rows))
    run_import(person_import.pk, chunk_size=2, max_chunks=1)
    # Another worker commits the next chunk while this one still believes rows_done is 2.
    stale = PersonImport.objects.get(pk=person_import.pk)
    run_import(person_import.pk, chunk_size=2, max_chunks=1)
    tag = Tag.objects.get(name=stale.tag_name)
    assert _import_chunk(stale, [(4, ["p1@example.org"])], tag, checkpoint=2) is False
    person_import.refresh_from_db()
    assert person_import.rows_done == 4
    assert Person.objects.count() == 4


@pytest.mark.django_db
def test_a_phone_learnt_from_one_row_finds_the_same_person_in_a_later_row():
    make_person("ana@example.org", given_name="Ana")
    imported(HEADER + "ana@example.org,,,+221771234567,,,,\n" + ",,Garcia,+221 77 123 45 67,,,,\n")
    assert Person.objects.count() == 1
    assert Person.objects.get().family_name == "Garcia"
