import pytest
from django.core.exceptions import ValidationError

from groundswell.core.models import AuditEntry
from groundswell.people.models import Tag, Tagging
from groundswell.people.services import tag_person, untag_person, upsert_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def ana():
    return upsert_person(email="ana@example.org")[0]


def test_tagging_a_person_twice_is_one_tagging_and_one_audit_entry(ana):
    first = tag_person(ana, "Volunteer")
    again = tag_person(ana, " volunteer ")
    assert first.pk == again.pk
    assert Tagging.objects.filter(person=ana).count() == 1
    assert AuditEntry.objects.filter(verb="person.tagged").count() == 1


def test_a_tag_is_created_the_first_time_it_is_used(ana):
    tag_person(ana, "donor")
    assert list(Tag.objects.values_list("name", flat=True)) == ["donor"]


def test_untagging_removes_the_tag_from_the_person_only(ana):
    bola = upsert_person(email="bola@example.org")[0]
    tag_person(ana, "donor")
    tag_person(bola, "donor")
    assert untag_person(ana, "DONOR") is True
    assert untag_person(ana, "donor") is False
    assert list(Tagging.objects.values_list("person", flat=True)) == [bola.pk]
    assert AuditEntry.objects.filter(verb="person.untagged").count() == 1


@pytest.mark.parametrize("name", ["", "   ", "x" * 101, None])
def test_a_tag_without_a_usable_name_is_refused(ana, name):
    with pytest.raises(ValidationError) as caught:
        tag_person(ana, name)
    assert list(caught.value.error_dict) == ["tags"]
    assert Tag.objects.count() == 0
