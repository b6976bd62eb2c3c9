import csv
import io

from django.urls import reverse

from groundswell.actions.services import take_action
from groundswell.core.models import AuditEntry

from .conftest import SIGNER


def url(action):
    return reverse("actions:submissions-csv", args=[action.slug])


def exported(client, action):
    response = client.get(url(action))
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Disposition"] == f'attachment; filename="{action.slug}-signatures.csv"'
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def sign(action, email, **fields):
    return take_action(action, data={**SIGNER, "email": email, **fields}, channel="whatsapp")[0]


def test_organisers_export_every_signature_with_its_person_and_status(client_for, world, action):
    sign(action, "awa@example.org", given_name="Awa", postal_code="10200", country="SN")
    sign(action, "kofi@example.org", given_name="Kofi", country="CI")
    sign(action, "stranger@example.org", given_name="Stranger")

    rows = exported(client_for(world.organiser), action)

    assert [row["email_address"] for row in rows] == [
        "awa@example.org", "kofi@example.org", "stranger@example.org"
    ]  # fmt: skip
    awa = rows[0]
    assert (awa["given_name"], awa["country"], awa["postal_code"]) == ("Awa", "SN", "10200")
    assert (awa["status"], awa["flagged"], awa["channel"]) == ("confirmed", "false", "whatsapp")
    assert awa["created_date"] and awa["confirmed_date"]


def test_a_coordinators_export_holds_only_the_signers_in_their_groups(client_for, world, action):
    for email in ["awa@example.org", "sam@example.org", "kofi@example.org", "x@example.org"]:
        sign(action, email)

    rows_b = exported(client_for(world.coord_b), action)
    rows_a = exported(client_for(world.coord_a), action)

    assert [row["email_address"] for row in rows_b] == ["kofi@example.org"]
    assert {row["email_address"] for row in rows_a} == {"awa@example.org", "sam@example.org"}


def test_cells_that_would_run_as_formulas_are_neutralised(client_for, world, action):
    sign(action, "evil@example.org", given_name='=HYPERLINK("http://x")', family_name="@SUM(1)")

    row = exported(client_for(world.hq), action)[0]

    assert row["given_name"] == '\'=HYPERLINK("http://x")'
    assert row["family_name"] == "'@SUM(1)"


def test_each_export_is_recorded_in_the_audit_log(client_for, world, action):
    exported(client_for(world.coord_a), action)

    entry = AuditEntry.objects.get(verb="people.exported")
    assert entry.actor == world.coord_a
    assert entry.data == {"what": "signatures", "action": action.slug}


def test_the_export_is_streamed_one_chunk_per_signature(client_for, world, action):
    sign(action, "awa@example.org")
    sign(action, "sam@example.org")

    response = client_for(world.hq).get(url(action))

    chunks = list(response.streaming_content)
    assert len(chunks) == 2 + 2  # the BOM, the header, one line per signature


def test_a_supporter_cannot_export_and_an_unknown_action_is_not_found(client_for, world, action):
    assert client_for(world.supporter).get(url(action)).status_code == 403
    missing = reverse("actions:submissions-csv", args=["no-such-action"])
    assert client_for(world.hq).get(missing).status_code == 404


def test_the_moderation_page_links_each_flagged_signatures_action_to_its_export(
    client_for, world, action
):
    data = {**SIGNER, "email": "bot@example.net", "homepage": "http://spam.example"}
    take_action(action, data=data)

    html = client_for(world.organiser).get(reverse("actions:moderation")).content.decode()

    assert url(action) in html
