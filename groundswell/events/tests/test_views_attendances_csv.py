import csv
import io

import pytest
from django.urls import reverse

from groundswell.core.models import AuditEntry
from groundswell.events import services


def url(event):
    return reverse("events:org-attendances-csv", args=[event.slug])


def exported(client, event):
    response = client.get(url(event))
    assert response.status_code == 200
    assert response.streaming
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def attendances(event, world, guest):
    """Awa (group A) checked in, Kofi (group B) going, a stranger to every group going."""
    awa = services.rsvp(event, person=world.person_a)[0]
    services.check_in(awa, actor=world.coord_a)
    services.rsvp(event, person=world.person_b)
    services.rsvp(event, person=guest("stranger@example.org"))
    return event


def test_organisers_export_every_rsvp_with_its_check_in(client_for, world, attendances):
    rows = exported(client_for(world.organiser), attendances)

    assert [row["email_address"] for row in rows] == [
        "awa@example.org", "kofi@example.org", "stranger@example.org"
    ]  # fmt: skip
    assert (rows[0]["status"], rows[0]["channel"]) == ("going", "web")
    assert rows[0]["attended_date"].startswith("2026-06-01")
    assert rows[1]["attended_date"] == ""


def test_the_coordinator_hosting_it_exports_only_their_groups_people(
    client_for, world, attendances
):
    rows = exported(client_for(world.coord_a), attendances)

    assert [row["email_address"] for row in rows] == ["awa@example.org"]


def test_another_groups_coordinator_finds_no_such_event(client_for, world, attendances):
    assert client_for(world.coord_b).get(url(attendances)).status_code == 404
    assert not AuditEntry.objects.filter(verb="people.exported").exists()


def test_cells_that_would_run_as_formulas_are_neutralised(client_for, world, event, guest):
    services.rsvp(event, person=guest("evil@example.org", family_name="-2+3"))

    row = exported(client_for(world.hq), event)[0]

    assert row["family_name"] == "'-2+3"


def test_each_export_is_recorded_in_the_audit_log(client_for, world, attendances):
    exported(client_for(world.coord_a), attendances)

    entry = AuditEntry.objects.get(verb="people.exported")
    assert entry.actor == world.coord_a
    assert entry.data == {"what": "attendances", "event": attendances.slug}


def test_a_supporter_hosting_an_event_cannot_take_its_contact_details(client_for, world, now):
    from .conftest import event_values

    event = services.propose_event(
        person=world.supporter.person, group=world.group_a, **event_values()
    )
    services.approve_event(event, actor=world.coord_a)

    assert client_for(world.supporter).get(url(event)).status_code == 403


def test_the_attendee_list_links_to_the_export_for_organisers_only(client_for, world, event, now):
    page = reverse("events:org-attendees", args=[event.slug])

    assert url(event) in client_for(world.coord_a).get(page).content.decode()
    from .conftest import event_values

    hosted = services.propose_event(
        person=world.supporter.person, group=world.group_a, **event_values()
    )
    services.approve_event(hosted, actor=world.coord_a)
    own_page = reverse("events:org-attendees", args=[hosted.slug])
    assert url(hosted) not in client_for(world.supporter).get(own_page).content.decode()
