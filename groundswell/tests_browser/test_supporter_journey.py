import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from groundswell.journeys.services import record_activity
from groundswell.test import make_person

# transaction: the live server answers from another thread, so the data must be committed;
# serialized_rollback: the flush afterwards must not lose the default ladder from migrations.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def code_in(mailbox, address):
    """The sign-in code: the line of the mail that is nothing but the code ("ABCD-EFGH")."""
    (message,) = mailbox.to(address)
    code = re.search(r"^\s*([A-Z0-9][A-Z0-9-]{4,}[A-Z0-9])\s*$", mailbox.text(message), re.M)
    return code.group(1)


def test_a_supporter_signs_in_with_an_emailed_code_and_sees_their_stage(page, smtp_server):
    person = make_person("amara@example.org", given_name="Amara", country="GB", language="en")
    now = timezone.now()
    for days, kind in ((40, "signed_up"), (30, "petition_signed"), (8, "shared")):
        record_activity(person, kind, occurred_at=now - timedelta(days=days), channel="web")
    person.stats.refresh_from_db()
    stage = person.stats.stage.display_name

    page.goto(reverse("account_login"))
    page.get_by_role("link", name="Send me a sign-in code").click()
    page.get_by_label("Email").fill("amara@example.org")
    page.get_by_role("button", name=re.compile("code", re.IGNORECASE)).click()
    page.wait_for_url(f"**{reverse('account_confirm_login_code')}")
    page.get_by_label("Code").fill(code_in(smtp_server, "amara@example.org"))
    page.get_by_role("button", name="Confirm").click()

    page.wait_for_url(f"**{reverse('accounts:home')}")
    assert page.get_by_role("heading", name="My journey", level=1).is_visible()
    assert "Hello Amara" in page.inner_text("main")
    assert page.inner_text(".stage-now >> nth=0") == stage
