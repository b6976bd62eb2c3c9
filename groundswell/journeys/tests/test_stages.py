"""The default ladder, and staff editing it in the admin."""

from django.urls import reverse

from groundswell.core.models import AuditEntry
from groundswell.journeys.criteria import parse_criteria
from groundswell.journeys.models import Activity, Stage


def test_five_default_stages_ship_named_in_english_spanish_and_french(db):
    stages = list(Stage.objects.order_by("order"))

    assert [s.slug for s in stages] == [
        "discovery",
        "intention",
        "taking_action",
        "sustaining",
        "leader",
    ]
    for stage in stages:
        assert set(stage.name) == set(stage.description) == {"en", "es", "fr"}
        parse_criteria(stage.rule)
    assert stages[0].rule == {}
    assert [s.demote_after_days for s in stages] == [None, None, None, 180, 365]


def stage_form(stage, **changes):
    data = {
        "slug": stage.slug,
        "order": stage.order,
        "rule": '{"count": "actions", "gte": 1}',
        "demote_after_days": "",
        **{f"name_{code}": text for code, text in stage.name.items()},
        **{f"description_{code}": text for code, text in stage.description.items()},
    }
    return {**data, **changes}


def test_staff_change_a_rule_in_the_admin_and_the_change_is_audited(world, client_for):
    stage = Stage.objects.get(slug="taking_action")
    url = reverse("admin:journeys_stage_change", args=[stage.pk])

    response = client_for(world.hq).post(
        url, stage_form(stage, rule='{"count": "shared", "gte": 2}', name_es="Acción")
    )

    assert response.status_code == 302
    stage.refresh_from_db()
    assert stage.rule == {"count": "shared", "gte": 2}
    assert stage.name["es"] == "Acción"
    assert AuditEntry.objects.filter(
        verb="journeys.stage_changed", object_id=str(stage.pk)
    ).exists()


def test_the_admin_refuses_an_invalid_rule_and_names_the_problem(world, client_for):
    stage = Stage.objects.get(slug="taking_action")
    url = reverse("admin:journeys_stage_change", args=[stage.pk])

    response = client_for(world.hq).post(
        url, stage_form(stage, rule='{"any": [{"count": "danced", "gte": 1}]}')
    )

    assert response.status_code == 200
    assert "any[0].count: unknown counter" in response.content.decode()
    stage.refresh_from_db()
    assert stage.rule != {"any": [{"count": "danced", "gte": 1}]}


def test_activities_are_read_only_in_the_admin(world, client_for):
    client = client_for(world.hq)

    assert client.get(reverse("admin:journeys_activity_changelist")).status_code == 200
    assert client.get(reverse("admin:journeys_activity_add")).status_code == 403
    assert not Activity.objects.exists()
