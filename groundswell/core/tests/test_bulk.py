import pytest

from groundswell.core.bulk import bulk_insert
from groundswell.people.models import Person, Tagging
from groundswell.people.services import tag_person


@pytest.mark.django_db
def test_bulk_insert_saves_every_field_and_gives_each_row_its_id():
    people = bulk_insert(
        Person,
        [
            Person(email=f"p{n}@example.org", given_name=f"P{n}", custom_fields={"n": n})
            for n in range(3)
        ],
    )
    assert all(person.pk for person in people)
    for n, person in enumerate(people):
        saved = Person.objects.get(pk=person.pk)
        assert (saved.email, saved.given_name, saved.custom_fields) == (
            f"p{n}@example.org",
            f"P{n}",
            {"n": n},
        )
        assert saved.created_at is not None
        assert saved.uuid == person.uuid


@pytest.mark.django_db
def test_rows_inserted_in_bulk_do_not_disturb_the_ids_of_later_ordinary_saves():
    first = bulk_insert(Person, [Person(email="a@example.org")])[0]
    later = Person.objects.create(email="b@example.org")
    assert later.pk > first.pk
    tagging = tag_person(later, "x")
    bulk_insert(Tagging, [Tagging(person=first, tag=tagging.tag)])
    assert Tagging.objects.filter(tag=tagging.tag).count() == 2


@pytest.mark.django_db
def test_nothing_to_insert_is_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert bulk_insert(Person, []) == []


@pytest.mark.django_db
def test_a_clash_with_a_unique_constraint_is_an_integrity_error():
    from django.db import IntegrityError, transaction

    Person.objects.create(email="taken@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        bulk_insert(Person, [Person(email="taken@example.org")])
    assert Person.objects.filter(email="taken@example.org").count() == 1
