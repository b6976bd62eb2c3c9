from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from groundswell.actions.models import Action
from groundswell.campaigns.models import Campaign
from groundswell.events.models import Event
from groundswell.groups.models import Membership
from groundswell.groups.services import post_update, update_group

from .helpers import by_request_group

pytestmark = pytest.mark.django_db


def detail(group):
    return reverse("groups:group-detail", args=[group.slug])


@pytest.fixture
def content(world):
    air = Campaign.objects.create(slug="air", title={"en": "Air"}, status="live")
    Action.objects.create(campaign=air, slug="clean-air", title={"en": "Sign for clean air"},
                          status="live")  # fmt: skip
    update_group(world.group_a, description={"en": "We meet on Saturdays."}, area="Dakar",
                 campaigns=[air])  # fmt: skip
    post_update(world.group_a, text="Meeting moved to the library", actor=world.coord_a)


def test_a_visitor_sees_the_description_and_the_coordinators_first_names_only(
    client, world, content
):
    page = client.get(detail(world.group_a)).content.decode()

    assert "We meet on Saturdays." in page
    assert "Ada" in page
    assert "ada@example.org" not in page
    assert "Join this group" in page
    assert "Meeting moved to the library" not in page
    assert "Awa" not in page  # a plain member's name is not shown


def test_a_member_sees_actions_and_updates(client_for, world, content):
    page = client_for(world.supporter).get(detail(world.group_a)).content.decode()

    assert "You are a member of this group." in page
    assert "Sign for clean air" in page
    assert "Meeting moved to the library" in page


def test_a_member_sees_the_groups_coming_events_and_a_visitor_does_not(client, client_for, world):
    start = timezone.now() + timedelta(days=3)
    Event.objects.create(
        slug="clean-up", title={"en": "Beach clean-up"}, group=world.group_a, starts_at=start,
        ends_at=start + timedelta(hours=2), time_zone="Africa/Dakar",
    )  # fmt: skip
    Event.objects.create(
        slug="old-meeting", title={"en": "Last year's meeting"}, group=world.group_a,
        starts_at=start - timedelta(days=400), ends_at=start - timedelta(days=399),
        time_zone="Africa/Dakar",
    )  # fmt: skip

    member_page = client_for(world.supporter).get(detail(world.group_a)).content.decode()
    client.logout()
    visitor_page = client.get(detail(world.group_a)).content.decode()

    assert "Beach clean-up" in member_page and "Last year" not in member_page
    assert "Beach clean-up" not in visitor_page


def test_joining_from_the_page_makes_a_member(client_for, world):
    client = client_for(world.outsider)

    response = client.post(reverse("groups:group-join", args=[world.group_b.slug]))

    assert response.status_code == 302
    assert Membership.objects.get(group=world.group_b, person=world.outsider.person).is_active


def test_asking_to_join_a_group_by_request_shows_the_request_is_waiting(client_for, world):
    group = by_request_group(world)
    client = client_for(world.outsider)

    client.post(reverse("groups:group-join", args=[group.slug]))
    page = client.get(detail(group)).content.decode()

    assert "waiting for a coordinator" in page


def test_a_visitor_must_sign_in_to_join(client, world):
    response = client.post(reverse("groups:group-join", args=[world.group_a.slug]))

    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_leaving_from_the_page_removes_the_membership(client_for, world):
    client_for(world.supporter).post(reverse("groups:group-leave", args=[world.group_a.slug]))

    assert not Membership.objects.filter(person=world.supporter.person).exists()


def test_headquarters_has_no_public_page(client, world):
    assert client.get(reverse("groups:group-detail", args=["hq"])).status_code == 404


def test_joining_needs_a_post(client_for, world):
    response = client_for(world.outsider).get(reverse("groups:group-join", args=["dakar"]))

    assert response.status_code == 405
