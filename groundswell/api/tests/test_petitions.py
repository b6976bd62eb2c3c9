import pytest

from groundswell.actions import counters
from groundswell.actions.models import Action, Submission
from groundswell.api.hal import derived_uuid
from groundswell.campaigns.models import Campaign
from groundswell.journeys.models import Activity
from groundswell.people.models import ConsentRecord, Person


@pytest.fixture
def petition(world):
    campaign = Campaign.objects.create(
        slug="clean-water", title={"en": "Clean water"}, status=Campaign.Status.LIVE
    )
    return Action.objects.create(
        campaign=campaign,
        slug="water-now",
        kind=Action.Kind.PETITION,
        title={"en": "Water for all"},
        body={"en": "Fund taps."},
        target="The Minister",
        status=Action.Status.LIVE,
    )


@pytest.fixture
def pledge(petition):
    return Action.objects.create(
        campaign=petition.campaign,
        slug="pledge-now",
        kind=Action.Kind.PLEDGE,
        title={"en": "Pledge"},
        status=Action.Status.LIVE,
    )


def signatures_path(action):
    return f"petitions/{derived_uuid('actions', action.pk)}/signatures"


SIGNER = {
    "person": {
        "given_name": "Ana",
        "email_addresses": [{"address": "ana@example.org", "status": "subscribed"}],
        "postal_addresses": [{"postal_code": "75011", "country": "FR", "locality": "Paris"}],
    },
    "comments": "Taps now",
    "add_tags": ["water"],
}


def test_petitions_are_listed_with_their_count(api, petition, pledge):
    listing = api.get("petitions").json()

    assert [p["title"] for p in listing["_embedded"]["osdi:petitions"]] == ["Water for all"]
    assert listing["_embedded"]["osdi:petitions"][0]["total_signatures"] == 0
    forms = api.get("forms").json()
    assert [f["title"] for f in forms["_embedded"]["osdi:forms"]] == ["Pledge"]


def test_recording_a_signature_goes_through_take_action(api, petition):
    response = api.post(signatures_path(petition), SIGNER)

    assert response.status_code == 200
    person = Person.objects.get(email="ana@example.org")
    submission = Submission.objects.get(person=person, action=petition)
    assert (submission.status, submission.comment, submission.channel) == (
        "confirmed",
        "Taps now",
        "api",
    )
    assert Activity.objects.filter(person=person, kind="petition_signed").count() == 1
    assert counters.total(petition.pk) == 1
    assert person.locality == "Paris"
    assert ConsentRecord.objects.get(person=person).granted is True
    assert list(person.taggings.values_list("tag__name", flat=True)) == ["water"]
    assert response.json()["_links"]["osdi:person"]["href"].endswith(str(person.uuid))


def test_signing_twice_is_one_signature(api, petition):
    first = api.post(signatures_path(petition), SIGNER).json()
    again = api.post(signatures_path(petition), SIGNER).json()

    assert first["identifiers"] == again["identifiers"]
    assert Submission.objects.count() == 1
    listing = api.get(signatures_path(petition)).json()
    assert listing["total_records"] == 1
    one = api.get(first["_links"]["self"]["href"].split("/api/v2/")[1])
    assert one.json()["comments"] == "Taps now"


def test_a_linked_person_can_sign(api, petition, world):
    href = f"http://testserver/api/v2/people/{world.person_a.uuid}"
    response = api.post(signatures_path(petition), {"_links": {"osdi:person": {"href": href}}})

    assert response.status_code == 200
    assert Submission.objects.get().person == world.person_a


def test_a_closed_petition_refuses_signatures_with_a_400(api, petition):
    petition.status = Action.Status.CLOSED
    petition.save()

    response = api.post(signatures_path(petition), SIGNER)

    assert response.status_code == 400
    assert "error" in response.json()


def test_a_form_submission_is_recorded(api, pledge):
    response = api.post(f"forms/{derived_uuid('actions', pledge.pk)}/submissions", SIGNER)

    assert response.status_code == 200
    assert Submission.objects.get().action == pledge


def test_a_pledge_is_not_a_petition(api, pledge):
    assert api.get(f"petitions/{derived_uuid('actions', pledge.pk)}").status_code == 404
