"""The ladder page on a small population whose every figure is known in advance.

A three-rung ladder (supporter, campaigner, leader) replaces the default one.

Joined at T0; stages reached (days after T0), and where they stand now:
  group A  Awa  supporter 1, campaigner 3, leader 10      -> leader
           Sam  supporter 2, campaigner 5                 -> campaigner
           Ada  supporter 1                               -> supporter
  group B  Kofi supporter 4, campaigner 6, back down 20   -> supporter
           Bola never placed
  no group Olive straight to campaigner 2                 -> campaigner
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from groundswell.journeys.models import PersonStats, Stage, StageTransition
from groundswell.journeys.services import record_activity
from groundswell.people.models import Person
from groundswell.people.services import save_segment
from groundswell.test import make_world

URL = reverse("journeys:ladder")
T0 = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)
PATHS = {
    "Awa": [(1, 1), (2, 3), (3, 10)],
    "Sam": [(1, 2), (2, 5)],
    "Ada": [(1, 1)],
    "Kofi": [(1, 4), (2, 6), (1, 20)],
    "Olive": [(2, 2)],
}


@pytest.fixture
def world(db):
    with time_machine.travel(T0, tick=False):
        world = make_world()
    # A ladder of our own instead of the default one, so every figure is known.
    PersonStats.objects.update(stage=None, stage_since=None)
    Stage.objects.all().delete()
    stages = {
        order: Stage.objects.create(slug=slug, order=order, name={"en": slug.title()})
        for order, slug in [(1, "supporter"), (2, "campaigner"), (3, "leader")]
    }
    for name, path in PATHS.items():
        person = Person.objects.get(given_name=name)
        previous = None
        for order, day in path:
            StageTransition.objects.create(
                person=person,
                from_stage=previous,
                to_stage=stages[order],
                at=T0 + timedelta(days=day),
            )
            previous = stages[order]
        PersonStats.objects.update_or_create(person=person, defaults={"stage": previous})
    return world


def rungs(response):
    """{stage slug: (now, ever reached, % going on, median days)}."""
    return {
        rung.stage.slug: (rung.current, rung.reached, rung.conversion_percent, rung.median_days)
        for rung in response.context["ladder"].rungs
    }


def test_hq_sees_the_whole_ladder(world, client_for):
    response = client_for(world.hq).get(URL)
    assert response.status_code == 200
    assert rungs(response) == {
        "supporter": (2, 5, 80, 2.0),
        "campaigner": (2, 4, 25, 4.0),
        "leader": (1, 1, None, 10.0),
    }
    assert (response.context["ladder"].population, response.context["ladder"].unplaced) == (6, 1)


def test_a_coordinator_sees_the_ladder_of_their_group_only(world, client_for):
    response = client_for(world.coord_a).get(URL)
    assert rungs(response) == {
        "supporter": (1, 3, 67, 1.0),
        "campaigner": (1, 2, 50, 4.0),
        "leader": (1, 1, None, 10.0),
    }
    assert response.context["ladder"].population == 3


def test_the_ladder_narrows_to_a_country(world, client_for):
    response = client_for(world.hq).get(URL, {"country": "CI"})
    assert rungs(response)["supporter"] == (1, 1, 100, 4.0)
    assert (response.context["ladder"].population, response.context["ladder"].unplaced) == (2, 1)


def test_the_ladder_narrows_to_a_saved_segment(world, client_for):
    segment = save_segment("Senegal", criteria={"field": "country", "eq": "SN"}, actor=world.hq)
    response = client_for(world.hq).get(URL, {"segment": segment.pk})
    assert rungs(response)["supporter"] == (1, 3, 67, 1.0)


def test_a_coordinator_cannot_filter_by_someone_elses_segment(world, client_for):
    segment = save_segment("Theirs", criteria={}, actor=world.coord_b)
    response = client_for(world.coord_a).get(URL, {"segment": segment.pk})
    assert "segment" in response.context["form"].errors
    assert response.context["ladder"].population == 3  # unfiltered, still scoped


def test_the_chart_is_an_inline_svg_without_style_attributes(world, client_for):
    html = client_for(world.hq).get(URL).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.count('class="chart-bar"') == 3
    assert "style=" not in html
    assert "<script" not in html


def test_only_hq_admins_see_the_rule_editor_and_the_recompute_button(world, client_for):
    recompute = reverse("journeys:ladder-recompute")
    assert recompute in client_for(world.hq).get(URL).content.decode()
    assert recompute not in client_for(world.organiser).get(URL).content.decode()
    assert recompute not in client_for(world.coord_a).get(URL).content.decode()


def test_recompute_enqueues_the_recompute_task(world, client_for):
    response = client_for(world.hq).post(reverse("journeys:ladder-recompute"))
    assert response["Location"] == URL
    task = DBTaskResult.objects.get()
    assert task.task_path == "groundswell.journeys.tasks.recompute_stages_task"


def test_only_hq_admins_may_recompute(world, client_for):
    for user in (world.organiser, world.coord_a, world.supporter):
        assert client_for(user).post(reverse("journeys:ladder-recompute")).status_code == 403
    assert not DBTaskResult.objects.exists()


def test_a_supporter_is_refused_the_ladder(world, client, client_for):
    assert client.get(URL).status_code == 302
    assert client_for(world.supporter).get(URL).status_code == 403


def test_the_page_follows_the_real_ladder_as_people_act(db, client_for):
    with time_machine.travel(T0, tick=False):
        world = make_world()
        record_activity(world.person_a, "petition_signed")
    response = client_for(world.hq).get(URL)
    stage = PersonStats.objects.get(person=world.person_a).stage
    current = {rung.stage: rung.current for rung in response.context["ladder"].rungs}
    assert current[stage] == 1
    assert sum(current.values()) == 6
