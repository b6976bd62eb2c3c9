"""Action Network's parsons connector, unchanged, against a live test server."""

import datetime as dt
import json
import os
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone

from groundswell.actions.models import Action, Submission
from groundswell.api.hal import derived_uuid
from groundswell.api.services import create_api_key
from groundswell.campaigns.models import Campaign
from groundswell.events.models import RSVP, Event
from groundswell.people.models import Person

from .parsons_env import parsons_python

pytestmark = pytest.mark.django_db(transaction=True)
SCRIPT = Path(__file__).with_name("parsons_script.py")


@pytest.fixture(scope="session")
def parsons():
    return parsons_python()


def test_parsons_lists_creates_and_tags_people_and_records_a_signature_and_attendance(
    parsons, live_server
):
    campaign = Campaign.objects.create(slug="water", title={"en": "Water"}, status="live")
    petition = Action.objects.create(
        campaign=campaign, slug="water-now", title={"en": "Water for all"}, status="live"
    )
    start = timezone.now() + dt.timedelta(days=2)
    event = Event.objects.create(
        slug="town-hall",
        title={"en": "Town hall"},
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        time_zone="UTC",
    )
    _key, raw = create_api_key(name="parsons")

    result = subprocess.run(
        [
            str(parsons),
            str(SCRIPT),
            f"{live_server.url}/api/v2",
            str(derived_uuid("actions", petition.pk)),
            str(derived_uuid("events", event.pk)),
            raw,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": ""},
        check=False,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    ana = Person.objects.get(email="ana@example.org")
    assert seen["upserted"] == seen["upserted_again"] == str(ana.uuid)
    assert seen["people"] == ["ana@example.org", "kim@example.org"]
    assert seen["filtered"] == 1
    assert seen["one"] == "Ana"
    assert seen["tags"] == ["nurse", "volunteer"]
    assert seen["taggings"] == 1
    assert sorted(ana.taggings.values_list("tag__name", flat=True)) == ["nurse", "volunteer"]
    assert (ana.postal_code, ana.language, ana.custom_fields) == (
        "75011",
        "fr",
        {"employer": "Hospital"},
    )
    assert Person.objects.get(phone="+221771234567").email == "kim@example.org"
    assert seen["petitions"] == ["Water for all"]
    assert seen["signatures"] == 1
    assert Submission.objects.get().person.email == "bo@example.org"
    assert seen["attendances"] == 1
    assert RSVP.objects.get().person == ana
    assert seen["events"] == ["Town hall"]
