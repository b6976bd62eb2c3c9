import pytest
from django.urls import reverse

from groundswell.groups.models import Membership
from groundswell.groups.services import join_group

from .helpers import by_request_group

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(world):
    return join_group(by_request_group(world), world.outsider.person)


def url(name, group, membership):
    return reverse(f"groups:{name}", args=[group.slug, membership.pk])


def test_a_coordinator_approves_a_request_from_the_dashboard(client_for, world, asked):
    response = client_for(world.coord_a).post(url("org-request-approve", world.group_a, asked))

    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == "active"


def test_a_coordinator_declines_a_request(client_for, world, asked):
    client_for(world.coord_a).post(url("org-request-decline", world.group_a, asked))

    asked.refresh_from_db()
    assert asked.status == "declined"


def test_another_groups_coordinator_gets_not_found_even_through_their_own_group(
    client_for, world, asked
):
    client = client_for(world.coord_b)

    assert client.post(url("org-request-approve", world.group_a, asked)).status_code == 404
    assert client.post(url("org-request-approve", world.group_b, asked)).status_code == 404
    asked.refresh_from_db()
    assert asked.status == "pending"


def test_a_coordinator_makes_a_member_coordinator(client_for, world):
    membership = Membership.objects.get(group=world.group_a, person=world.person_a)

    client_for(world.coord_a).post(
        url("org-coordinator", world.group_a, membership), {"coordinator": "1"}
    )

    membership.refresh_from_db()
    assert membership.role == "coordinator"


def test_a_coordinator_posts_an_update(client_for, world):
    client = client_for(world.coord_a)

    client.post(reverse("groups:org-update-post", args=["dakar"]), {"text": "See you Saturday"})

    assert world.group_a.updates.get().text == "See you Saturday"
    assert (
        client_for(world.coord_b)
        .post(reverse("groups:org-update-post", args=["dakar"]), {"text": "x"})
        .status_code
        == 404
    )
