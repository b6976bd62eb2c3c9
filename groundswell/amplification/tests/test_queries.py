import pytest

from groundswell.amplification.queries import (
    campaign_figures,
    descendants,
    impact,
    recruit_tree,
    top_amplifiers,
)
from groundswell.amplification.services import attribute_signup, record_share_click
from groundswell.campaigns.models import Campaign
from groundswell.people.models import Person
from groundswell.test import make_person

pytestmark = pytest.mark.django_db


class Tree:
    """rosa brings ana and ben to "air"; ana brings ali and amy; ali brings abe; rosa also
    brings xia to another campaign. Five people joined "air", three of them through newcomers."""

    def __init__(self):
        self.air = Campaign.objects.create(slug="air", title={"en": "Air"})
        self.other = Campaign.objects.create(slug="water", title={"en": "Water"})
        self.rosa = make_person("rosa@example.org", given_name="Rosa")
        self.ana = self.recruit("ana", self.rosa, "whatsapp")
        self.ben = self.recruit("ben", self.rosa, "sms")
        self.ali = self.recruit("ali", self.ana, "whatsapp")
        self.amy = self.recruit("amy", self.ana, "email")
        self.abe = self.recruit("abe", self.ali, "whatsapp")
        self.xia = self.recruit("xia", self.rosa, "whatsapp", campaign=self.other)

    def recruit(self, name, by, channel, campaign=None):
        person = make_person(f"{name}@example.org", given_name=name.title())
        attribute_signup(
            person, code=by.referral_code, channel=channel, campaign=campaign or self.air
        )
        return person


@pytest.fixture
def tree():
    return Tree()


def test_descendants_are_everyone_downstream_with_their_generation(tree):
    rows = {(pid, generation) for pid, _parent, generation in descendants(tree.rosa.pk)}

    t = tree
    assert rows == {
        (t.ana.pk, 1), (t.ben.pk, 1), (t.xia.pk, 1), (t.ali.pk, 2), (t.amy.pk, 2), (t.abe.pk, 3)
    }  # fmt: skip
    assert descendants(tree.abe.pk) == []


def test_the_recruit_tree_counts_everyone_but_names_only_the_people_the_viewer_may_see(tree):
    visible = Person.objects.exclude(pk=tree.amy.pk)

    result = recruit_tree(tree.rosa, visible=visible)

    assert (result.direct, result.total) == (3, 6)
    assert [(g.number, g.total) for g in result.generations] == [(1, 3), (2, 2), (3, 1)]
    assert [p.given_name for p in result.generations[1].people] == ["Ali"]
    assert result.children[tree.ali.pk] == [tree.abe]


def test_a_persons_impact_is_their_recruits_and_the_people_who_came_through_those(tree):
    assert impact(tree.rosa) == (3, 3)
    assert impact(tree.ana) == (2, 1)
    assert impact(tree.ben) == (0, 0)


def test_the_viral_coefficient_is_recruits_of_newcomers_per_newcomer(tree):
    figures = campaign_figures(tree.air)

    assert figures.recruits == 5
    assert figures.viral_coefficient == 0.6  # ali, amy and abe were brought by newcomers: 3 / 5
    assert figures.recruiters == 3  # rosa, ana, ali
    assert figures.per_recruiter == 1.67


def test_depths_and_generations_show_how_each_generation_brings_the_next(tree):
    figures = campaign_figures(tree.air)

    assert figures.depths == [(1, 2), (2, 2), (3, 1)]
    assert figures.generations == [(1, 2, 1.0), (2, 2, 0.5), (3, 1, 0.0)]


def test_connected_connectors_are_ranked_by_whole_reach_within_the_campaign(tree):
    ranked = [(a.person, a.direct, a.reach) for a in top_amplifiers(tree.air)]

    # ali brought only abe, who brought no one: a recruiter but not a connector.
    assert ranked == [(tree.rosa, 2, 5), (tree.ana, 2, 3)]


def test_connectors_the_viewer_may_not_see_are_left_out(tree):
    visible = Person.objects.exclude(pk=tree.rosa.pk)

    assert [a.person for a in top_amplifiers(tree.air, visible=visible)] == [tree.ana]


def test_channels_show_clicks_recruits_and_converted_clicks(tree):
    for _ in range(4):
        record_share_click(code=tree.rosa.referral_code, channel="sms", path="/", campaign=tree.air)
    cleo = make_person("cleo@example.org")
    attribute_signup(cleo, code=tree.rosa.referral_code, channel="sms", campaign=tree.air)

    rows = {row.channel: row for row in campaign_figures(tree.air).channels}

    assert set(rows) == {"whatsapp", "sms", "email"}
    sms = rows["sms"]
    assert (sms.clicks, sms.recruits, sms.converted_clicks) == (4, 2, 1)
    assert sms.conversion_percent == 50
    assert (rows["whatsapp"].clicks, rows["whatsapp"].recruits) == (0, 3)  # ana, ali, abe
    assert rows["whatsapp"].conversion_percent is None


def test_a_campaign_nobody_was_recruited_in_has_no_coefficient():
    figures = campaign_figures(Campaign.objects.create(slug="new", title={}))

    assert (figures.recruits, figures.viral_coefficient, figures.per_recruiter) == (0, None, None)
    assert figures.channels == figures.amplifiers == figures.depths == []


def test_the_limit_keeps_only_the_connectors_with_the_widest_reach(tree):
    assert [a.person for a in top_amplifiers(tree.air, limit=1)] == [tree.rosa]
    assert [a.person for a in campaign_figures(tree.air, limit=1).amplifiers] == [tree.rosa]


def test_a_visible_connector_is_found_behind_many_better_ones_out_of_sight(tree):
    # Three more connectors with a wider reach than ana's, none of them visible.
    for name in ("dan", "eve", "fay"):
        boss = make_person(f"{name}@example.org")
        for n in range(2):
            recruit = tree.recruit(f"{name}{n}", boss, "sms")
            for m in range(2):
                tree.recruit(f"{name}{n}x{m}", recruit, "sms")
    visible = Person.objects.filter(pk=tree.ana.pk)

    amplifiers = top_amplifiers(tree.air, visible=visible, limit=1)

    assert [(a.person, a.direct, a.reach) for a in amplifiers] == [(tree.ana, 2, 3)]


def test_reach_counts_every_generation_of_a_long_chain(tree):
    chain = [tree.abe]
    for n in range(55):
        chain.append(tree.recruit(f"link{n}", chain[-1], "whatsapp"))

    ranked = {a.person: a.reach for a in top_amplifiers(tree.air, limit=100)}
    figures = campaign_figures(tree.air)

    assert ranked[tree.rosa] == 5 + 55
    assert ranked[tree.abe] == 55
    assert figures.depths[-1] == (3 + 55, 1)
    assert figures.recruits == 60


def test_when_a_recruiter_is_deleted_their_recruits_still_count_but_they_do_not(tree):
    tree.rosa.delete()

    figures = campaign_figures(tree.air)

    assert (figures.recruits, figures.recruiters) == (5, 2)  # ana and ali still recruit
    assert [(a.person, a.direct, a.reach) for a in figures.amplifiers] == [(tree.ana, 2, 3)]


def test_clicks_are_counted_only_for_the_campaign(tree):
    for campaign in (tree.air, tree.air, tree.other):
        record_share_click(code=tree.ana.referral_code, channel="x", path="/", campaign=campaign)

    figures = campaign_figures(tree.air)

    assert figures.clicks == 2
    assert [(row.channel, row.clicks, row.recruits) for row in figures.channels if row.clicks] == [
        ("x", 2, 0)
    ]
