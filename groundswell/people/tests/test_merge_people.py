from datetime import UTC, datetime

import pytest
import time_machine
from django.db import models

from groundswell.accounts.models import User
from groundswell.amplification.models import Attribution
from groundswell.core.models import AuditEntry
from groundswell.groups.models import Membership
from groundswell.groups.services import add_member, create_group
from groundswell.journeys.models import Activity, PersonStats
from groundswell.people.models import ConsentRecord, Person, Tagging
from groundswell.people.services import (
    current_consents,
    merge_people,
    person_references,
    record_consent,
    tag_person,
    upsert_person,
)
from groundswell.people.signals import people_merged

pytestmark = pytest.mark.django_db

MARCH = datetime(2026, 3, 1, 12, tzinfo=UTC)
APRIL = datetime(2026, 4, 1, 12, tzinfo=UTC)


def activity(person, kind="petition_signed", at=MARCH):
    return Activity.objects.create(person=person, kind=kind, occurred_at=at)


@pytest.fixture
def keep():
    with time_machine.travel(APRIL, tick=False):
        return upsert_person(
            email="ana@example.org", given_name="Ana", custom_fields={"shirt": "M"}
        )[0]


@pytest.fixture
def lose():
    with time_machine.travel(MARCH, tick=False):
        return upsert_person(
            email="ana.diop@example.org",
            phone="+221771234567",
            given_name="Anna",
            family_name="Diop",
            custom_fields={"shirt": "L", "diet": "vegan"},
        )[0]


@pytest.fixture
def merged_signals():
    received = []

    def receiver(sender, kept, merged_id, **kwargs):
        received.append((kept.pk, merged_id))

    people_merged.connect(receiver, dispatch_uid="test-merge")
    yield received
    people_merged.disconnect(dispatch_uid="test-merge")


def test_a_merge_moves_activities_consents_tags_and_memberships_to_the_person_kept(
    keep, lose, merged_signals
):
    activity(keep)
    activity(lose)
    activity(lose, kind="event_attended", at=APRIL)
    record_consent(keep, channel="email", granted=True, source="form", at=MARCH)
    record_consent(lose, channel="sms", granted=True, source="form", at=MARCH)
    record_consent(lose, channel="email", granted=False, source="form", at=APRIL)
    tag_person(keep, "volunteer")
    tag_person(lose, "volunteer")  # a tag both had
    tag_person(lose, "donor")
    dakar = create_group("Dakar", slug="dakar")
    thies = create_group("Thiès", slug="thies")
    add_member(dakar, keep)
    add_member(dakar, lose)  # a group both were in
    add_member(thies, lose, role=Membership.Role.COORDINATOR)
    lose_id = lose.pk

    kept = merge_people(keep, lose)

    assert kept.pk == keep.pk
    assert not Person.objects.filter(pk=lose_id).exists()
    assert Activity.objects.filter(person=kept).count() == 3
    assert ConsentRecord.objects.filter(person=kept).count() == 3
    consents = current_consents(kept)
    assert consents[("email", "updates")].granted is False  # the loser's later withdrawal
    assert consents[("sms", "updates")].granted is True
    assert sorted(Tagging.objects.filter(person=kept).values_list("tag__name", flat=True)) == [
        "donor",
        "volunteer",
    ]
    assert sorted(Membership.objects.filter(person=kept).values_list("group__slug", "role")) == [
        ("dakar", "member"),
        ("thies", "coordinator"),
    ]
    assert merged_signals == [(kept.pk, lose_id)]
    entry = AuditEntry.objects.get(verb="person.merged")
    assert entry.object_id == str(kept.pk)
    assert entry.data["merged_id"] == lose_id
    assert entry.data["moved"]["journeys.activity.person"] == 2
    assert entry.data["moved"]["people.consentrecord.person"] == 2
    assert entry.data["moved"]["people.tagging.person"] == 1
    assert entry.data["dropped"]["people.tagging.person"] == 1
    assert entry.data["dropped"]["groups.membership.person"] == 1


def test_a_merge_fills_the_kept_persons_blanks_but_keeps_what_they_gave(keep, lose):
    kept = merge_people(keep, lose)
    kept.refresh_from_db()
    assert kept.email == "ana@example.org"
    assert kept.given_name == "Ana"
    assert kept.family_name == "Diop"
    assert kept.phone == "+221771234567"
    assert kept.custom_fields == {"shirt": "M", "diet": "vegan"}
    assert kept.created_at == MARCH  # the merged person arrived when the first of them did
    assert "family_name" in AuditEntry.objects.get(verb="person.merged").data["filled"]


def test_the_losers_email_is_kept_when_the_winner_had_none():
    phone_only = upsert_person(phone="+221770000001")[0]
    emailed = upsert_person(email="moussa@example.org")[0]
    kept = merge_people(phone_only, emailed)
    kept.refresh_from_db()
    assert (kept.email, kept.phone) == ("moussa@example.org", "+221770000001")


def test_one_to_one_rows_keep_the_winners_and_move_the_losers_only_when_the_winner_has_none(
    keep, lose
):
    referrer = upsert_person(email="recruiter@example.org")[0]
    PersonStats.objects.update_or_create(person=keep, defaults={"activities": 5})
    PersonStats.objects.update_or_create(person=lose, defaults={"activities": 7})
    Attribution.objects.create(person=lose, referred_by=referrer, root=referrer, depth=1)
    user = User.objects.create_user("ana.diop@example.org", "pw", person=lose)
    lose_id = lose.pk

    kept = merge_people(keep, lose)

    stats = PersonStats.objects.filter(person_id__in=[keep.pk, lose_id])
    assert list(stats.values_list("person", flat=True)) == [kept.pk]
    assert Attribution.objects.get(person=kept).referred_by == referrer  # moved: keep had none
    user.refresh_from_db()
    assert user.person == kept


def test_the_winners_own_attribution_stays_when_both_have_one(keep, lose):
    first, second = (upsert_person(email=f"{n}@example.org")[0] for n in ("first", "second"))
    Attribution.objects.create(person=keep, referred_by=first, root=first, depth=1)
    Attribution.objects.create(person=lose, referred_by=second, root=second, depth=1)
    kept = merge_people(keep, lose)
    assert Attribution.objects.get(person=kept).referred_by == first
    assert Attribution.objects.filter(referred_by=second).count() == 0


def test_the_winners_own_login_stays_and_the_losers_is_unlinked_not_deleted(keep, lose):
    keep_user = User.objects.create_user("ana@example.org", "pw", person=keep)
    lose_user = User.objects.create_user("ana.diop@example.org", "pw", person=lose)
    merge_people(keep, lose)
    keep_user.refresh_from_db()
    lose_user.refresh_from_db()
    assert keep_user.person == keep
    assert lose_user.person is None


def test_rows_pointing_at_the_loser_from_other_people_follow_the_merge(keep, lose):
    recruit = upsert_person(email="recruit@example.org")[0]
    # root has related_name="+": a hidden relation must be found too.
    Attribution.objects.create(person=recruit, referred_by=lose, root=lose, depth=1)
    merge_people(keep, lose)
    attribution = Attribution.objects.get(person=recruit)
    assert (attribution.referred_by, attribution.root) == (keep, keep)


def test_every_relation_to_person_is_discovered_without_naming_it():
    found = {f"{f.model._meta.label_lower}.{f.name}" for f in person_references()}
    expected = {
        f"{model._meta.label_lower}.{field.name}"
        for model in (Activity, PersonStats, Attribution, Membership, Tagging, ConsentRecord, User)
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is Person
    }
    assert expected <= found


def test_a_person_cannot_be_merged_into_themselves(keep):
    with pytest.raises(ValueError, match="themselves"):
        merge_people(keep, keep)
    assert Person.objects.filter(pk=keep.pk).exists()
