import pytest

from groundswell.core.models import AuditEntry
from groundswell.people.duplicates import queue_duplicates
from groundswell.people.imports.models import DuplicateCandidate
from groundswell.people.imports.services import decide_candidate
from groundswell.people.models import Person

pytestmark = pytest.mark.django_db


def twins():
    ana = Person.objects.create(email="ana@example.org", given_name="Ana", family_name="Sow",
                                postal_code="SW1A 1AA")  # fmt: skip
    again = Person.objects.create(email="a.sow@example.org", given_name="Ana", family_name="Sow",
                                  postal_code="SW1A 1AA")  # fmt: skip
    return ana, again


def test_found_pairs_wait_in_the_review_queue_with_their_score():
    ana, again = twins()
    assert queue_duplicates() == 1
    candidate = DuplicateCandidate.objects.get()
    assert (candidate.person, candidate.other, candidate.score) == (ana, again, 100)
    assert candidate.person_import is None and candidate.decision == ""
    entry = AuditEntry.objects.get(verb="people.duplicates_scanned")
    assert entry.data == {"found": 1, "queued": 1}


def test_a_rescan_neither_repeats_nor_reopens_a_pair_kept_separate():
    twins()
    queue_duplicates()
    decide_candidate(DuplicateCandidate.objects.get(), merge=False)
    assert queue_duplicates() == 0
    candidate = DuplicateCandidate.objects.get()
    assert candidate.decision == DuplicateCandidate.Decision.SEPARATE


def test_merging_a_queued_pair_leaves_one_person_and_nothing_to_rescan():
    ana, again = twins()
    queue_duplicates()
    decide_candidate(DuplicateCandidate.objects.get(), merge=True)
    assert list(Person.objects.all()) == [ana]
    assert queue_duplicates() == 0
