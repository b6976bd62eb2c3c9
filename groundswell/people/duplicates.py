"""Possible duplicates among people already here: the same phone, or alike names at one postal code.

Blocking is set-based in SQL (GROUP BY the blocking key, HAVING count(*) > 1): only people in a
block of two or more come back to Python, in key order, and rapidfuzz scores pairs within each
block. Nothing is merged: `queue_duplicates` puts the pairs in the import review queue, where an
organiser decides. (Email needs no pass of its own: it is stored normalised and unique.)
"""

from dataclasses import dataclass
from itertools import combinations, groupby

from django.db import transaction
from django.db.models import Count, F, Value
from django.db.models.functions import Concat, Lower, Substr
from rapidfuzz import fuzz, process

from groundswell.core.audit import audit

from .imports.models import DuplicateCandidate
from .models import Person

NAME_THRESHOLD = 88  # rapidfuzz token_sort_ratio of "given family", 0-100, as the CSV import
SMALL_BLOCK = 6  # up to this many people, a plain pairwise loop beats rapidfuzz's batch call
FETCH = 5000
PHONE, NAME_POSTAL_CODE = "phone", "name_postal_code"


@dataclass(frozen=True)
class DuplicatePair:
    """Two people who may be one; `person_id` < `other_id`, score 0-100."""

    person_id: int
    other_id: int
    score: float
    reason: str


def scan_duplicates(*, queryset=None, threshold=NAME_THRESHOLD):
    """Every candidate pair among `queryset` (all people by default), best score first."""
    people = (Person.objects.all() if queryset is None else queryset).order_by()
    best = {}
    for pair in [*_phone_pairs(people, threshold), *_name_pairs(people, threshold)]:
        key = (pair.person_id, pair.other_id)
        if key not in best or pair.score > best[key].score:
            best[key] = pair
    return sorted(best.values(), key=lambda p: (-p.score, p.person_id, p.other_id))


@transaction.atomic
def queue_duplicates(*, queryset=None, actor=None, threshold=NAME_THRESHOLD):
    """Put the scan's pairs in the review queue; a pair already there (decided or not) stays
    as it is, so a rescan never reopens "kept separate". Returns how many pairs were new."""
    pairs = scan_duplicates(queryset=queryset, threshold=threshold)
    candidates = [
        DuplicateCandidate(person_id=p.person_id, other_id=p.other_id, score=round(p.score, 1))
        for p in pairs
    ]
    before = DuplicateCandidate.objects.count()
    DuplicateCandidate.objects.bulk_create(candidates, batch_size=FETCH, ignore_conflicts=True)
    queued = DuplicateCandidate.objects.count() - before
    audit("people.duplicates_scanned", actor=actor, found=len(pairs), queued=queued)
    return queued


def _blocks(people, key):
    """(key, [(id, sorted lower-case name tokens), …]) for each block of two or more people."""
    keyed = people.annotate(block_key=key)
    crowded = keyed.values("block_key").annotate(n=Count("pk")).filter(n__gt=1).values("block_key")
    rows = (
        keyed.filter(block_key__in=crowded)
        .order_by("block_key", "pk")
        .values_list("block_key", "pk", "given_name", "family_name")
        .iterator(chunk_size=FETCH)
    )
    for block_key, members in groupby(rows, key=lambda row: row[0]):
        yield block_key, [(pk, _name(given, family)) for _key, pk, given, family in members]


def _name(given, family):
    return " ".join(sorted(f"{given} {family}".lower().split()))


def _phone_pairs(people, threshold):
    """Everyone sharing a phone: 100 when the names agree or one is missing, else the name
    score, so a family's shared phone sorts below a real twin."""
    key = F("phone")
    for _phone, members in _blocks(people.exclude(phone=None).exclude(phone=""), key):
        for (a, name_a), (b, name_b) in combinations(members, 2):
            score = fuzz.ratio(name_a, name_b) if name_a and name_b else 100.0
            yield DuplicatePair(a, b, 100.0 if score >= threshold else score, PHONE)


def _name_pairs(people, threshold):
    """Alike names at the same postal code and family-name initial (as the CSV import blocks)."""
    key = Concat("postal_code", Value(" "), Lower(Substr("family_name", 1, 1)))
    named = people.exclude(postal_code="").exclude(family_name="")
    for _key, members in _blocks(named, key):
        if len(members) <= SMALL_BLOCK:
            for (a, name_a), (b, name_b) in combinations(members, 2):
                score = fuzz.ratio(name_a, name_b, score_cutoff=threshold)
                if score:
                    yield DuplicatePair(a, b, score, NAME_POSTAL_CODE)
            continue
        names = [name for _pk, name in members]
        for i, (a, name_a) in enumerate(members[:-1]):
            # Members are in id order, so every match j > i gives a pair with a < b.
            for _match, score, j in process.extract(
                name_a, names[i + 1 :], scorer=fuzz.ratio, score_cutoff=threshold, limit=None
            ):
                yield DuplicatePair(a, members[i + 1 + j][0], score, NAME_POSTAL_CODE)
