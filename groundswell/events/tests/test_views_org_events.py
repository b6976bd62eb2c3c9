from django.urls import reverse

from groundswell.events.models import Event

FORM = {
    "title_en": "Phone bank",
    "languages": ["en"],
    "starts_at": "2026-06-10T18:00",
    "ends_at": "2026-06-10T20:00",
    "time_zone": "Africa/Abidjan",
    "online": "on",
    "join_url": "https://meet.example.org/bank",
    "capacity": "30",
}


def test_the_list_shows_a_coordinator_their_groups_events_only(client_for, make_event, world):
    make_event(title={"en": "Dakar event"})
    make_event(title={"en": "Abidjan event"}, group=world.group_b, host=world.coord_b.person)

    html = client_for(world.coord_a).get(reverse("events:org-list")).content.decode()

    assert "Dakar event" in html and "Abidjan event" not in html


def test_hq_sees_every_event_including_those_without_a_group(client_for, make_event, world):
    make_event(title={"en": "Dakar event"})
    make_event(title={"en": "National call"}, group=None)

    html = client_for(world.hq).get(reverse("events:org-list")).content.decode()

    assert "Dakar event" in html and "National call" in html


def test_a_coordinator_creates_an_event_for_their_group_and_lands_on_its_attendees(
    client_for, world, now
):
    client = client_for(world.coord_a)

    response = client.post(reverse("events:org-create"), {**FORM, "group": world.group_a.pk})

    event = Event.objects.get()
    assert response["Location"] == reverse("events:org-attendees", args=[event.slug])
    assert (event.status, event.group, event.capacity, event.online) == (
        "published",
        world.group_a,
        30,
        True,
    )


def test_a_coordinator_cannot_create_an_event_for_another_group(client_for, world, now):
    client_for(world.coord_a).post(
        reverse("events:org-create"), {**FORM, "group": world.group_b.pk}
    )

    assert not Event.objects.exists()


def test_a_coordinator_must_choose_a_group_hq_need_not(client_for, world, now):
    client_for(world.coord_a).post(reverse("events:org-create"), FORM)
    assert not Event.objects.exists()

    client_for(world.hq).post(reverse("events:org-create"), FORM)
    assert Event.objects.get().group is None


def test_lowering_the_capacity_below_the_people_going_is_refused_keeping_the_values(
    client_for, make_event, world, guest
):
    from groundswell.events import services

    event = make_event(capacity=10)
    for i in range(3):
        services.rsvp(event, person=guest(f"p{i}@example.org"))
    data = {
        "title_en": "Renamed",
        "languages": ["fr"],
        "starts_at": "2026-06-04T09:00",
        "ends_at": "2026-06-04T11:00",
        "time_zone": "Africa/Dakar",
        "locality": "Dakar",
        "group": world.group_a.pk,
        "capacity": "2",
    }

    html = (
        client_for(world.coord_a)
        .post(reverse("events:org-edit", args=[event.slug]), data)
        .content.decode()
    )

    assert "Already going: 3." in html
    assert 'value="Renamed"' in html
    event.refresh_from_db()
    assert (event.capacity, event.display_title) == (10, "Dakar clean-up")


def test_the_edit_form_shows_times_in_the_events_time_zone(client_for, make_event, world):
    event = make_event(time_zone="Asia/Kolkata")

    html = (
        client_for(world.coord_a)
        .get(reverse("events:org-edit", args=[event.slug]))
        .content.decode()
    )

    assert 'value="2026-06-04T14:30"' in html


def test_another_groups_coordinator_gets_404_on_every_event_page(client_for, event, world):
    client = client_for(world.coord_b)

    for name in ("org-attendees", "org-edit"):
        assert client.get(reverse(f"events:{name}", args=[event.slug])).status_code == 404
    for name in ("org-cancel", "org-approve", "org-reject"):
        assert client.post(reverse(f"events:{name}", args=[event.slug])).status_code == 404
    event.refresh_from_db()
    assert event.status == "published"


def test_a_supporter_has_no_organiser_list(client_for, world):
    assert client_for(world.supporter).get(reverse("events:org-list")).status_code == 403
