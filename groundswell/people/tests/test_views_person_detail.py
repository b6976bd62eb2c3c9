import uuid
from datetime import UTC, datetime, timedelta

import time_machine
from django.urls import reverse

from groundswell.amplification.models import Attribution
from groundswell.groups.services import add_member
from groundswell.journeys.models import PersonStats, StageTransition
from groundswell.journeys.services import record_activity
from groundswell.people.services import record_consent, tag_person, update_person

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def url(person):
    return reverse("people:person-detail", args=[person.uuid])


def test_hq_sees_the_profile_with_gender_marked_private(world, client_for):
    update_person(world.person_a, gender="woman", region="Dakar")
    response = client_for(world.hq).get(url(world.person_a))
    html = response.content.decode()
    assert response.status_code == 200
    assert "awa@example.org" in html
    assert "Woman" in html
    assert "badge-private" in html


def test_a_coordinator_never_sees_gender(world, client_for):
    update_person(world.person_a, gender="woman")
    response = client_for(world.coord_a).get(url(world.person_a))
    html = response.content.decode()
    assert response.status_code == 200
    assert "awa@example.org" in html
    assert "Woman" not in html
    assert "Gender" not in html


def test_another_groups_person_does_not_exist_for_a_coordinator(world, client_for):
    assert client_for(world.coord_b).get(url(world.person_a)).status_code == 404
    assert client_for(world.coord_a).get(url(world.person_b)).status_code == 404


def test_supporters_are_refused_and_unknown_people_are_not_found(world, client, client_for):
    assert client.get(url(world.person_a)).status_code == 302
    assert client_for(world.supporter).get(url(world.person_a)).status_code == 403
    missing = reverse("people:person-detail", args=[uuid.uuid4()])
    assert client_for(world.hq).get(missing).status_code == 404


def test_current_consent_is_the_latest_ledger_row_per_channel_and_purpose(world, client_for):
    person = world.person_a
    record_consent(person, channel="email", granted=True, source="form", at=T0)
    record_consent(
        person, channel="email", granted=False, source="inbound", at=T0 + timedelta(days=2)
    )
    record_consent(person, channel="sms", granted=True, source="import", at=T0 + timedelta(days=1))
    response = client_for(world.coord_a).get(url(person))
    profile = response.context["profile"]
    current = {(s.channel, s.purpose): s.current.granted for s in profile.consents}
    assert current == {("email", "updates"): False, ("sms", "updates"): True}
    assert [r.recorded_at for r in profile.consent_history] == [
        T0 + timedelta(days=2),
        T0 + timedelta(days=1),
        T0,
    ]
    assert "withdrawn" in response.content.decode()


def test_tags_and_only_the_viewers_groups_are_shown(world, client_for):
    tag_person(world.person_a, "driver")
    add_member(world.group_b, world.person_a)
    coordinator = client_for(world.coord_a).get(url(world.person_a))
    assert "driver" in coordinator.content.decode()
    assert [m.group for m in coordinator.context["profile"].memberships] == [world.group_a]
    hq = client_for(world.hq).get(url(world.person_a))
    assert {m.group for m in hq.context["profile"].memberships} == {world.group_a, world.group_b}


def test_stage_and_stage_history_are_shown(world, client_for):
    person = world.person_a
    record_activity(person, "petition_signed")
    expected = list(StageTransition.objects.filter(person=person).order_by("-at", "-pk"))
    assert len(expected) >= 2  # joined, then moved on by the signature
    response = client_for(world.hq).get(url(person))
    assert response.context["profile"].transitions == expected
    newest = expected[0]
    html = response.content.decode()
    assert f"{newest.from_stage.display_name} → {newest.to_stage.display_name}" in html
    assert PersonStats.objects.get(person=person).stage.display_name in html


def test_the_activity_timeline_is_paginated_newest_first(world, client_for):
    person = world.person_a
    with time_machine.travel(T0 + timedelta(days=40), tick=False):
        for day in range(30):
            record_activity(person, "petition_signed", occurred_at=T0 + timedelta(days=day))
    client = client_for(world.hq)
    first = client.get(url(person)).context["timeline"]
    assert len(first.object_list) == 25
    assert first.object_list[0].occurred_at == T0 + timedelta(days=29)
    second = client.get(url(person), {"page": 2}).context["timeline"]
    assert [a.occurred_at for a in second.object_list] == [
        T0 + timedelta(days=day) for day in range(4, -1, -1)
    ]


def test_referral_shows_who_recruited_the_person_and_how_many_they_recruited(world, client_for):
    Attribution.objects.create(
        person=world.person_a, referred_by=world.person_b, root=world.person_b, depth=1
    )
    for recruit in (world.supporter.person, world.coord_a.person):
        Attribution.objects.create(
            person=recruit, referred_by=world.person_a, root=world.person_b, depth=2
        )
    hq = client_for(world.hq).get(url(world.person_a))
    assert hq.context["profile"].recruits == 2
    assert url(world.person_b) in hq.content.decode()
    coordinator = client_for(world.coord_a).get(url(world.person_a))
    # The referrer is in group B: a coordinator of group A learns nothing about them.
    assert url(world.person_b) not in coordinator.content.decode()
    assert "Kofi" not in coordinator.content.decode()
    assert "someone outside your groups" in coordinator.content.decode()
