import pytest

from groundswell.people.duplicates import NAME_POSTAL_CODE, PHONE, scan_duplicates
from groundswell.people.models import Person

pytestmark = pytest.mark.django_db


def person(email, given="", family="", *, phone=None, postal_code=""):
    return Person.objects.create(
        email=email, given_name=given, family_name=family, phone=phone, postal_code=postal_code
    )


def pairs():
    return {(p.person_id, p.other_id): p for p in scan_duplicates()}


def test_two_people_with_the_same_phone_and_name_are_a_certain_pair():
    ana = person("ana@example.org", "Ana", "García", phone="+221771234567")
    twin = person("ana.g@example.org", "ana", "GARCIA", phone="+221771234567")
    person("bo@example.org", "Bo", "Diallo", phone="+221771234568")
    found = pairs()
    assert list(found) == [(ana.pk, twin.pk)]
    assert found[ana.pk, twin.pk].score == 100
    assert found[ana.pk, twin.pk].reason == PHONE


def test_a_family_sharing_a_phone_is_listed_below_real_twins():
    mother = person("awa@example.org", "Awa", "Ndiaye", phone="+221770000001")
    son = person("moussa@example.org", "Moussa", "Ndiaye", phone="+221770000001")
    a = person("a@example.org", "Ana", "Sow", phone="+221770000002")
    b = person("b@example.org", "", "", phone="+221770000002")  # no name: cannot contradict
    found = scan_duplicates()
    assert [(p.person_id, p.other_id) for p in found] == [(a.pk, b.pk), (mother.pk, son.pk)]
    assert found[1].score < 88


def test_alike_names_at_one_postal_code_are_a_pair_with_their_score():
    ana = person("ana@example.org", "Ana María", "García", postal_code="28001")
    typo = person("amg@example.org", "Ana María", "Garcia", postal_code="28001")
    swapped = person("g@example.org", "García", "Ana María", postal_code="28001")
    found = pairs()
    assert found[ana.pk, typo.pk].reason == NAME_POSTAL_CODE
    assert 88 <= found[ana.pk, typo.pk].score < 100
    # Given and family name swapped is not found: the block is the family name's initial.
    assert (ana.pk, swapped.pk) not in found


def test_the_same_name_at_another_postal_code_or_a_different_name_is_not_a_pair():
    person("a@example.org", "Ana", "García", postal_code="28001")
    person("b@example.org", "Ana", "García", postal_code="28002")
    person("c@example.org", "Gabriel", "Gómez", postal_code="28001")
    person("d@example.org", "", "", postal_code="28001")
    person("e@example.org", "", "", postal_code="28001")
    assert scan_duplicates() == []


def test_a_crowded_block_is_compared_pair_by_pair_in_id_order():
    people = [
        person(f"p{i}@example.org", f"Name{i:02d}", "Fall", postal_code="10000") for i in range(12)
    ]
    repeat = person("again@example.org", "Name03", "Fall", postal_code="10000")
    found = pairs()
    assert found[people[3].pk, repeat.pk].score == 100
    assert all(a < b for a, b in found)
    # "name01 fall" and "name02 fall" differ by one character: a pair at 90.9.
    assert round(found[people[1].pk, people[2].pk].score, 1) == 90.9


def test_the_scan_can_be_limited_to_a_queryset():
    ana = person("ana@example.org", "Ana", "Sow", phone="+221770000009")
    person("ana2@example.org", "Ana", "Sow", phone="+221770000009")
    assert scan_duplicates(queryset=Person.objects.filter(pk=ana.pk)) == []
