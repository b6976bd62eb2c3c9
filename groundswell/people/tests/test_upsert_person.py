import pytest
from django.core.exceptions import ValidationError
from django.utils.functional import Promise

from groundswell.core.models import AuditEntry
from groundswell.people.models import ConsentRecord, Person, Tag, Tagging
from groundswell.people.services import upsert_person
from groundswell.people.signals import person_created

pytestmark = pytest.mark.django_db


def row_counts():
    return [m.objects.count() for m in (Person, ConsentRecord, Tag, Tagging, AuditEntry)]


@pytest.fixture
def created_signals():
    received = []

    def receiver(sender, person, **kwargs):
        received.append(person.pk)

    person_created.connect(receiver, dispatch_uid="test-upsert")
    yield received
    person_created.disconnect(dispatch_uid="test-upsert")


def test_a_new_email_creates_a_person_with_normalised_contact_points(created_signals):
    person, created = upsert_person(
        email=" Ana@Bücher.Example ", phone="77 123 45 67", country="sn", given_name="Ana"
    )
    assert created is True
    person.refresh_from_db()
    assert person.email == "ana@xn--bcher-kva.example"
    assert person.phone == "+221771234567"
    assert person.country == "SN"
    assert created_signals == [person.pk]
    entry = AuditEntry.objects.get(verb="person.created")
    assert entry.object_id == str(person.pk)


def test_the_same_email_in_another_case_is_the_same_person(created_signals):
    first, _ = upsert_person(email="kofi@example.org")
    again, created = upsert_person(email="KOFI@Example.org ")
    assert (again.pk, created) == (first.pk, False)
    assert Person.objects.count() == 1
    assert created_signals == [first.pk]


def test_an_upsert_fills_blank_fields_but_never_overwrites_what_the_person_gave():
    person, _ = upsert_person(
        email="awa@example.org", given_name="Awa", custom_fields={"shirt": "M"}
    )
    upsert_person(
        email="awa@example.org",
        given_name="Someone else",
        family_name="Diop",
        phone="+221 77 123 45 67",
        custom_fields={"shirt": "XL", "diet": "vegan"},
    )
    person.refresh_from_db()
    assert person.given_name == "Awa"
    assert person.family_name == "Diop"
    assert person.phone == "+221771234567"
    assert person.custom_fields == {"shirt": "M", "diet": "vegan"}


def test_an_empty_value_never_erases_a_given_one():
    person, _ = upsert_person(email="awa@example.org", given_name="Awa", postal_code="12500")
    upsert_person(email="awa@example.org", given_name="", postal_code=None)
    person.refresh_from_db()
    assert (person.given_name, person.postal_code) == ("Awa", "12500")


def test_a_person_without_email_is_found_again_by_phone():
    person, _ = upsert_person(phone="+221 77 123 45 67", given_name="Moussa")
    again, created = upsert_person(phone="77 123 45 67", country="SN", family_name="Ndiaye")
    assert (again.pk, created) == (person.pk, False)
    again.refresh_from_db()
    assert (again.given_name, again.family_name) == ("Moussa", "Ndiaye")


def test_a_phone_only_person_who_later_gives_an_email_keeps_one_record():
    person, _ = upsert_person(phone="+221771234567")
    again, created = upsert_person(email="moussa@example.org", phone="+221771234567")
    assert (again.pk, created) == (person.pk, False)
    again.refresh_from_db()
    assert again.email == "moussa@example.org"


def test_a_new_email_on_a_family_phone_is_a_new_person():
    parent, _ = upsert_person(email="parent@example.org", phone="+221771234567")
    child, created = upsert_person(email="child@example.org", phone="+221771234567")
    assert created is True
    assert child.pk != parent.pk


def test_a_phone_alone_finds_the_one_person_with_an_email_who_has_it():
    person, _ = upsert_person(email="parent@example.org", phone="+221771234567")
    again, created = upsert_person(phone="+221771234567")
    assert (again.pk, created) == (person.pk, False)


def test_a_phone_shared_by_several_people_is_nobody_in_particular():
    upsert_person(email="parent@example.org", phone="+221771234567")
    upsert_person(email="child@example.org", phone="+221771234567")
    someone, created = upsert_person(phone="+221771234567")
    assert created is True
    assert someone.email is None
    assert upsert_person(phone="+221771234567")[0].pk == someone.pk


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"email": "not-an-email"}, "email"),
        ({"email": "ana@example.org", "phone": "12345"}, "phone"),
        ({"email": "ana@example.org", "country": "XX"}, "country"),
        ({"email": "ana@example.org", "given_name": "x" * 101}, "given_name"),
        ({"email": "ana@example.org", "family_name": "x" * 101}, "family_name"),
        ({"email": "ana@example.org", "latitude": 91}, "latitude"),
        ({"email": "ana@example.org", "longitude": -181}, "longitude"),
        ({"email": "ana@example.org", "language": "xx"}, "language"),
        (
            {"email": "ana@example.org", "consents": [{"channel": "pigeon", "granted": True}]},
            "consents",
        ),
        (
            {"email": "ana@example.org", "consents": [{"channel": "email", "granted": "yes"}]},
            "consents",
        ),
        ({"email": "ana@example.org", "tags": ["x" * 101]}, "tags"),
        ({"given_name": "Nobody"}, "email"),  # no way to reach them
    ],
)
def test_bad_input_is_refused_on_its_field_and_writes_nothing(fields, field):
    upsert_person(email="existing@example.org", given_name="Existing")
    before = row_counts()
    with pytest.raises(ValidationError) as caught:
        upsert_person(
            **{"tags": ["new"], "consents": [{"channel": "sms", "granted": True}], **fields}
        )
    assert list(caught.value.error_dict) == [field]
    assert all(isinstance(e.message, Promise) for e in caught.value.error_dict[field])
    assert row_counts() == before


def test_a_bad_field_on_an_existing_person_changes_nothing_about_them():
    person, _ = upsert_person(email="ana@example.org")
    before = row_counts()
    with pytest.raises(ValidationError) as caught:
        upsert_person(email="ana@example.org", family_name="Diop", phone="not a phone")
    assert set(caught.value.message_dict) == {"phone"}
    person.refresh_from_db()
    assert person.family_name == ""
    assert row_counts() == before


def test_all_the_problems_are_reported_together():
    with pytest.raises(ValidationError) as caught:
        upsert_person(email="nope", phone="1", country="ZZ", tags=[""], consents=[{}])
    assert set(caught.value.message_dict) == {"email", "phone", "country", "tags", "consents"}


def test_consents_are_recorded_with_the_wording_version_shown(settings):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "CONSENT_WORDING_VERSION": "2026-02"}
    person, _ = upsert_person(
        email="ana@example.org",
        consents=[
            {"channel": "email", "granted": True},
            {"channel": "sms", "purpose": "reminders", "granted": False},
        ],
        consent_source_detail="petition:clean-water",
    )
    records = person.consents.order_by("channel")
    assert [(r.channel, r.purpose, r.granted) for r in records] == [
        ("email", "updates", True),
        ("sms", "reminders", False),
    ]
    assert {(r.source, r.source_detail, r.wording_version) for r in records} == {
        ("form", "petition:clean-water", "2026-02")
    }


def test_an_explicit_wording_version_wins_over_the_setting():
    person, _ = upsert_person(
        email="ana@example.org",
        consents=[{"channel": "email", "granted": True}],
        consent_source="import",
        wording_version="paper-2025",
    )
    record = person.consents.get()
    assert (record.source, record.wording_version) == ("import", "paper-2025")


def test_every_submission_adds_to_the_consent_ledger():
    upsert_person(email="ana@example.org", consents=[{"channel": "email", "granted": True}])
    person, _ = upsert_person(
        email="ana@example.org", consents=[{"channel": "email", "granted": True}]
    )
    assert person.consents.count() == 2


def test_tags_are_added_once_and_matched_regardless_of_case():
    Tag.objects.create(name="Volunteer")
    person, _ = upsert_person(email="ana@example.org", tags=["volunteer", " donor ", "donor"])
    upsert_person(email="ana@example.org", tags=["VOLUNTEER"])
    assert sorted(person.taggings.values_list("tag__name", flat=True)) == ["Volunteer", "donor"]
    assert Tag.objects.count() == 2


def test_an_upsert_of_a_known_person_leaves_an_audit_entry_naming_the_fields_filled():
    person, _ = upsert_person(email="ana@example.org", source="import")
    upsert_person(email="ana@example.org", family_name="Diop", source="petition")
    entry = AuditEntry.objects.get(verb="person.upserted")
    assert entry.object_id == str(person.pk)
    assert entry.data["fields"] == ["family_name"]


def test_the_source_is_the_first_one_that_brought_the_person():
    person, _ = upsert_person(email="ana@example.org", source="petition:water")
    upsert_person(email="ana@example.org", source="event:march")
    person.refresh_from_db()
    assert person.source == "petition:water"


def test_a_field_that_is_not_a_persons_is_a_programming_error():
    with pytest.raises(TypeError):
        upsert_person(email="ana@example.org", shoe_size=42)
