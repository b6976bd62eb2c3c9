import pytest
from django.core.exceptions import ValidationError

from groundswell.actions import counters
from groundswell.actions.models import Action, Submission
from groundswell.actions.services import take_action
from groundswell.amplification.models import Attribution
from groundswell.journeys.models import Activity, PersonStats
from groundswell.people.models import ConsentRecord, Person
from groundswell.test import make_person

from .conftest import SIGNER


def sign(action, **overrides):
    options = {k: overrides.pop(k) for k in ("ip", "ref", "channel", "language") if k in overrides}
    return take_action(action, data={**SIGNER, **overrides}, **options)


def test_signing_creates_the_person_a_confirmed_submission_an_activity_and_a_stage(action):
    submission, created = sign(action, ip="203.0.113.9", channel="whatsapp", language="es")

    person = Person.objects.get(email="ana@example.org")
    assert created
    assert (submission.person, submission.status, submission.flagged) == (
        person,
        "confirmed",
        False,
    )
    assert (person.given_name, person.country, person.language) == ("Ana", "FR", "es")
    activity = Activity.objects.get(person=person)
    assert (activity.kind, activity.object_id, activity.campaign_id, activity.channel) == (
        "petition_signed",
        action.pk,
        action.campaign_id,
        "whatsapp",
    )
    assert PersonStats.objects.get(person=person).stage.slug == "taking_action"
    assert counters.total(action.pk) == 1


def test_the_ip_is_kept_only_as_a_hash(action):
    submission, _created = sign(action, ip="203.0.113.9")

    assert submission.ip_hash
    assert "203.0.113.9" not in submission.ip_hash
    assert sign(action, email="b@example.org", ip="203.0.113.9")[0].ip_hash == submission.ip_hash


def test_a_second_signature_from_the_same_email_is_the_same_signature(action):
    first, first_created = sign(action)
    again, again_created = sign(action, email="  ANA@Example.org ", comment="me again")

    assert (first_created, again_created) == (True, False)
    assert again.pk == first.pk
    assert Submission.objects.count() == 1
    assert Activity.objects.filter(kind="petition_signed").count() == 1
    assert counters.total(action.pk) == 1


def test_consent_is_recorded_with_the_wording_version_shown(action):
    sign(action)
    sign(action, email="bo@example.org", consent=False)

    record = ConsentRecord.objects.get()
    assert (record.person.email, record.channel, record.granted) == (
        "ana@example.org",
        "email",
        True,
    )
    assert record.wording_version == "petition-2026-03"
    assert record.source_detail == "action:water-now"


@pytest.mark.parametrize(
    ("kind", "activity"),
    [
        ("letter", "letter_sent"),
        ("pledge", "pledge_made"),
        ("download", "download"),
        ("share", "shared"),
    ],
)
def test_each_kind_of_action_records_its_own_activity(make_action, kind, activity):
    sign(make_action(kind=kind))

    assert list(Activity.objects.values_list("kind", flat=True)) == [activity]


def test_an_action_that_is_not_live_takes_nothing(make_action):
    closed = make_action(status=Action.Status.CLOSED)

    with pytest.raises(ValidationError):
        sign(closed)
    assert not Person.objects.exists()


def test_a_filled_honeypot_flags_the_submission_which_then_does_not_count(action):
    submission, created = sign(action, homepage="http://spam.example")

    assert created
    assert (submission.flagged, submission.flag_reason) == (True, "honeypot")
    assert not Activity.objects.filter(kind="petition_signed").exists()
    assert counters.total(action.pk) == 0


def test_past_the_per_ip_rate_limit_submissions_are_flagged_not_refused(action, settings):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "ACTION_RATE_LIMITS": {"ip": (2, 60)}}

    results = [sign(action, email=f"p{i}@example.net", ip="198.51.100.7")[0] for i in range(4)]
    other_ip = sign(action, email="q@example.net", ip="198.51.100.8")[0]

    assert [s.flag_reason for s in results] == ["", "", "ip_rate", "ip_rate"]
    assert not other_ip.flagged
    assert Submission.objects.count() == 5
    assert counters.total(action.pk) == 3


def test_past_the_per_domain_rate_limit_submissions_are_flagged(action, settings):
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "ACTION_RATE_LIMITS": {"domain": (1, 60)}}

    flagged = [sign(action, email=f"bot{i}@throwaway.test")[0].flag_reason for i in range(3)]
    shared = [sign(action, email=f"fan{i}@gmail.com")[0].flag_reason for i in range(3)]

    assert flagged == ["", "domain_rate", "domain_rate"]
    assert shared == ["", "", ""]


def test_a_referral_code_attributes_a_new_person_to_the_recruiter(action):
    recruiter = make_person("rita@example.org", given_name="Rita")

    sign(action, ref=recruiter.referral_code.upper(), channel="whatsapp")

    attribution = Attribution.objects.get(person__email="ana@example.org")
    assert (attribution.referred_by, attribution.channel, attribution.campaign) == (
        recruiter,
        "whatsapp",
        action.campaign,
    )
    assert Submission.objects.get().referral_code == recruiter.referral_code


def test_a_referral_code_does_not_change_who_brought_someone_already_known(action):
    known = make_person("ana@example.org")
    recruiter = make_person("rita@example.org")

    sign(action, ref=recruiter.referral_code)

    assert not Attribution.objects.filter(person=known).exists()


def test_an_unknown_or_tampered_referral_code_is_ignored(action):
    sign(action, ref="nobody123")
    sign(action, email="b@example.org", ref="<script>")

    assert Submission.objects.filter(status="confirmed").count() == 2
    assert not Attribution.objects.exists()


def test_bad_person_fields_raise_a_validation_error_naming_the_field(action):
    with pytest.raises(ValidationError) as caught:
        sign(action, email="not-an-email")

    assert "email" in caught.value.message_dict
    assert not Submission.objects.exists()


@pytest.mark.django_db
def test_behind_a_proxy_the_ip_limit_counts_the_forwarded_client_not_the_proxy(settings, client):
    """Every request reaches the app from the proxy's address; limiting that would flag
    everyone once twenty people sign in a minute."""
    from django.core.cache import cache

    from groundswell.actions.models import Action, Submission
    from groundswell.campaigns.models import Campaign

    cache.clear()
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.GROUNDSWELL = {**settings.GROUNDSWELL, "ACTION_RATE_LIMITS": {"ip": (1, 60)}}
    campaign = Campaign.objects.create(slug="proxy", title={"en": "P"}, status="live")
    action = Action.objects.create(
        campaign=campaign, slug="proxy", title={"en": "P"}, status=Action.Status.LIVE
    )
    form = {"given_name": "A", "family_name": "B", "country": "GB"}
    for n, client_address in enumerate(["198.51.100.1", "198.51.100.2", "198.51.100.2"]):
        client.post(
            f"/act/{action.slug}/",
            {**form, "email": f"p{n}@example.org"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=client_address,
        )
    flagged = dict(Submission.objects.values_list("person__email", "flagged"))
    assert flagged == {"p0@example.org": False, "p1@example.org": False, "p2@example.org": True}
