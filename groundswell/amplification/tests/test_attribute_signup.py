import pytest

from groundswell.amplification.models import Attribution
from groundswell.amplification.services import attribute_signup
from groundswell.campaigns.models import Campaign
from groundswell.journeys.models import Activity, PersonStats
from groundswell.test import make_person

pytestmark = pytest.mark.django_db


def person(name):
    return make_person(f"{name}@example.org", given_name=name.title())


def chain(*names, campaign=None):
    """People recruited one by one, each by the previous: chain("a", "b") -> a brought b."""
    people = [person(names[0])]
    for name in names[1:]:
        recruit = person(name)
        attribute_signup(recruit, code=people[-1].referral_code, campaign=campaign)
        people.append(recruit)
    return people


def tree_of(people):
    rows = Attribution.objects.in_bulk([p.pk for p in people])
    return [
        (rows[p.pk].referred_by_id, rows[p.pk].root_id, rows[p.pk].depth) if p.pk in rows else None
        for p in people
    ]


def test_a_person_who_follows_a_link_is_credited_to_its_owner_as_depth_one_below_them():
    ana, ben = person("ana"), person("ben")

    attribution = attribute_signup(ben, code=ana.referral_code, channel="whatsapp")

    assert attribution == Attribution.objects.get(person=ben)
    assert (attribution.referred_by, attribution.root, attribution.depth) == (ana, ana, 1)
    assert attribution.channel == "whatsapp"


def test_root_and_depth_carry_down_a_four_level_chain():
    a, b, c, d = chain("ana", "ben", "cleo", "dev")

    assert tree_of([a, b, c, d]) == [None, (a.pk, a.pk, 1), (b.pk, a.pk, 2), (c.pk, a.pk, 3)]


def test_the_first_touch_wins_and_a_second_link_changes_nothing():
    ana, ben, cleo = person("ana"), person("ben"), person("cleo")
    attribute_signup(cleo, code=ana.referral_code, channel="sms")

    assert attribute_signup(cleo, code=ben.referral_code, channel="email") is None

    attribution = Attribution.objects.get(person=cleo)
    assert (attribution.referred_by, attribution.channel) == (ana, "sms")
    assert Activity.objects.filter(person=ben, kind="recruited").count() == 0


def test_following_your_own_link_is_ignored():
    ana = person("ana")

    assert attribute_signup(ana, code=ana.referral_code) is None
    assert not Attribution.objects.exists()


@pytest.mark.parametrize("code", ["", "nosuchcode", "../../etc", None, "x" * 40, 12345])
def test_an_unknown_or_tampered_code_is_ignored_without_an_error(code):
    ben = person("ben")

    assert attribute_signup(ben, code=code) is None
    assert not Attribution.objects.exists()


def test_a_code_typed_in_capitals_still_counts():
    ana, ben = person("ana"), person("ben")

    assert attribute_signup(ben, code=f" {ana.referral_code.upper()} ").referred_by == ana


def test_someone_cannot_be_put_below_a_person_of_their_own_tree():
    ana, ben, cleo = chain("ana", "ben", "cleo")

    assert attribute_signup(ana, code=cleo.referral_code) is None
    assert tree_of([ana]) == [None]


def test_a_person_who_already_heads_a_tree_stays_its_root():
    ana, ben = chain("ana", "ben")
    zoe = person("zoe")

    assert attribute_signup(ana, code=zoe.referral_code) is None
    assert tree_of([ana, ben]) == [None, (ana.pk, ana.pk, 1)]


def test_an_unknown_channel_is_kept_as_other_and_no_channel_as_blank():
    ana, ben, cleo = person("ana"), person("ben"), person("cleo")

    assert attribute_signup(ben, code=ana.referral_code, channel="<script>").channel == "other"
    assert attribute_signup(cleo, code=ana.referral_code).channel == ""


def test_the_recruiter_logs_a_recruited_activity_for_the_campaign_and_channel():
    campaign = Campaign.objects.create(slug="clean-air", title={"en": "Clean air"})
    ana, ben = person("ana"), person("ben")

    attribute_signup(ben, code=ana.referral_code, channel="qr", campaign=campaign)

    activity = Activity.objects.get(kind="recruited")
    assert (activity.person_id, activity.object_id) == (ana.pk, ben.pk)
    assert (activity.campaign, activity.channel) == (campaign, "qr")
    assert Attribution.objects.get(person=ben).campaign == campaign
    assert PersonStats.objects.get(person=ana).recruits == 1


def test_a_recruiter_climbs_to_leader_on_their_third_recruit_as_the_default_ladder_says():
    ana = person("ana")
    for name in ["ben", "cleo"]:
        attribute_signup(person(name), code=ana.referral_code)
    assert PersonStats.objects.select_related("stage").get(person=ana).stage.slug != "leader"

    attribute_signup(person("dev"), code=ana.referral_code)

    assert PersonStats.objects.select_related("stage").get(person=ana).stage.slug == "leader"
