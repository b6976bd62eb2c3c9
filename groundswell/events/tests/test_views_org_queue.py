import pytest
from django.urls import reverse

from groundswell.events import services
from groundswell.events.models import Event
from groundswell.groups.services import create_group

from .conftest import event_values


@pytest.fixture
def proposal(world, now):
    return services.propose_event(
        person=world.supporter.person,
        group=world.group_a,
        **event_values(title={"en": "Sam's stall"}),
    )


def test_the_coordinator_of_the_group_sees_the_proposal_and_approves_it(
    client_for, proposal, world
):
    client = client_for(world.coord_a)

    assert "Sam&#x27;s stall" in client.get(reverse("events:org-queue")).content.decode()
    client.post(reverse("events:org-approve", args=[proposal.slug]))

    proposal.refresh_from_db()
    assert proposal.status == Event.Status.PUBLISHED


def test_a_hub_coordinator_above_the_group_may_approve(client_for, proposal, world):
    from groundswell.accounts.models import User
    from groundswell.groups.models import Membership
    from groundswell.groups.services import add_member
    from groundswell.test import make_person, make_user

    person = make_person("hub@example.org")
    add_member(world.hub, person, role=Membership.Role.COORDINATOR)
    client = client_for(make_user("hub@example.org", User.Role.COORDINATOR, person=person))

    client.post(reverse("events:org-approve", args=[proposal.slug]))

    proposal.refresh_from_db()
    assert proposal.status == Event.Status.PUBLISHED


def test_another_groups_coordinator_neither_sees_nor_approves_it(client_for, proposal, world):
    client = client_for(world.coord_b)

    assert "stall" not in client.get(reverse("events:org-queue")).content.decode()
    assert client.post(reverse("events:org-approve", args=[proposal.slug])).status_code == 404


def test_the_proposing_host_cannot_approve_their_own_event(client_for, proposal, world):
    response = client_for(world.supporter).post(reverse("events:org-approve", args=[proposal.slug]))

    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == Event.Status.PROPOSED


def test_a_proposal_without_a_group_waits_for_hq(client_for, world, now):
    proposal = services.propose_event(person=world.supporter.person, **event_values())

    assert (
        client_for(world.coord_a)
        .post(reverse("events:org-approve", args=[proposal.slug]))
        .status_code
        == 404
    )
    client_for(world.hq).post(reverse("events:org-approve", args=[proposal.slug]))
    proposal.refresh_from_db()
    assert proposal.status == Event.Status.PUBLISHED


def test_rejecting_keeps_the_reason(client_for, proposal, world):
    client_for(world.coord_a).post(
        reverse("events:org-reject", args=[proposal.slug]), {"reason": "Too soon"}
    )

    proposal.refresh_from_db()
    assert (proposal.status, proposal.status_note) == (Event.Status.REJECTED, "Too soon")


def test_an_unrelated_group_tree_stays_invisible(client_for, world, now):
    lima = create_group("Lima", slug="lima")
    proposal = services.propose_event(person=world.supporter.person, group=lima, **event_values())

    assert (
        client_for(world.coord_a)
        .post(reverse("events:org-reject", args=[proposal.slug]))
        .status_code
        == 404
    )
