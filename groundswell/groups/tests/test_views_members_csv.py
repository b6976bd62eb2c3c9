import csv
import io

import pytest
from django.urls import reverse

from groundswell.groups.services import add_member
from groundswell.test import make_person

from .helpers import hub_coordinator

pytestmark = pytest.mark.django_db


def export(client, group):
    response = client.get(reverse("groups:org-members-csv", args=[group.slug]))
    return response, list(csv.reader(io.StringIO(response.content.decode())))


def test_a_coordinator_exports_their_members_and_nobody_else(client_for, world):
    response, rows = export(client_for(world.coord_a), world.group_a)

    assert response["Content-Type"].startswith("text/csv")
    emails = {row[2] for row in rows[1:]}
    assert emails == {"ada@example.org", "sam@example.org", "awa@example.org"}


def test_a_name_that_starts_like_a_formula_is_exported_as_text(client_for, world):
    add_member(world.group_a, make_person("eve@example.org", given_name="=HYPERLINK(1)"))

    _response, rows = export(client_for(world.coord_a), world.group_a)

    assert "'=HYPERLINK(1)" in {row[0] for row in rows}


def test_another_groups_coordinator_gets_not_found(client_for, world):
    response, _rows = export(client_for(world.coord_b), world.group_a)

    assert response.status_code == 404


def test_a_hub_export_holds_the_groups_below(client_for, world):
    _response, rows = export(client_for(hub_coordinator(world)), world.hub)

    groups = {row[4] for row in rows[1:]}
    assert groups == {"West Africa hub", "Dakar group", "Abidjan group"}
