"""The "my journey" page shows the person's own referral link and how many joined through it."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from groundswell.amplification.services import attribute_signup
from groundswell.test import make_person

pytestmark = pytest.mark.django_db
HOME = reverse("accounts:home")


def recruit(referrer, email):
    person = make_person(email)
    attribute_signup(person, code=referrer.referral_code, channel="whatsapp")
    return person


def test_the_page_shows_the_persons_own_referral_link(client_for, world):
    html = client_for(world.supporter).get(HOME).content.decode()

    assert f"?r={world.supporter.person.referral_code}" in html
    assert 'id="referral-link"' in html


def test_someone_who_brought_no_one_yet_sees_zero(client_for, world):
    html = client_for(world.supporter).get(HOME).content.decode()

    assert "0 people joined through you." in html
    assert "more joined through them" not in html


def test_the_page_counts_direct_recruits_and_the_people_they_brought(client_for, world):
    sam = world.supporter.person
    friend = recruit(sam, "friend@example.org")
    recruit(sam, "neighbour@example.org")
    recruit(friend, "friends-friend@example.org")

    html = client_for(world.supporter).get(HOME).content.decode()

    assert "2 people joined through you." in html
    assert escape("And 1 more joined through them.") in html
