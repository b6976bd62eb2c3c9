import json
import re

import pytest
from django.urls import reverse

from groundswell.accounts.models import User
from groundswell.journeys.services import record_activity
from groundswell.test import PASSWORD, make_person, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

CRITERIA = {"all": [{"field": "country", "in": ["FR"]}, {"count": "actions", "gte": 2}]}


def test_an_organiser_signs_in_with_a_password_and_filters_people_by_a_segment(page):
    make_user("oscar@hq.example.org", User.Role.ORGANISER)
    for email, name, country, actions in (
        ("amelie@example.org", "Amélie", "FR", 2),
        ("bastien@example.org", "Bastien", "FR", 1),
        ("carmen@example.org", "Carmen", "ES", 3),
    ):
        person = make_person(email, given_name=name, country=country)
        for _n in range(actions):
            record_activity(person, "petition_signed", channel="web")

    page.goto(reverse("account_login"))
    page.get_by_label("Email").fill("oscar@hq.example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.goto(reverse("people:person-list"))
    assert page.get_by_role("link", name="Carmen").is_visible()
    page.get_by_text("Advanced: criteria as JSON").click()
    page.get_by_label("Criteria (JSON)").fill(json.dumps(CRITERIA))
    page.get_by_role("button", name="Apply criteria").click()

    page.wait_for_url(re.compile(r"criteria="))
    results = page.locator(".org-table tbody")
    assert results.get_by_role("link", name="Amélie").is_visible()
    assert results.get_by_role("link").count() == 1
    assert "1 person matches." in page.inner_text(".org-count")
