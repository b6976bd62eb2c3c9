import csv
import io

from django.urls import reverse

from groundswell.core.models import AuditEntry
from groundswell.people.services import record_consent, tag_person
from groundswell.test import make_person

URL = reverse("people:person-export")


def exported(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.streaming
    text = b"".join(response.streaming_content).decode().lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_hq_exports_everyone_with_osdi_column_names_and_consent_status(world, client_for):
    record_consent(world.person_a, channel="email", granted=True, source="form")
    record_consent(world.person_a, channel="sms", granted=False, source="form")
    rows = exported(client_for(world.hq))
    assert {row["email_address"] for row in rows} == {
        "ada@example.org", "bola@example.org", "sam@example.org", "awa@example.org",
        "kofi@example.org", "olive@example.org",
    }  # fmt: skip
    awa = next(row for row in rows if row["email_address"] == "awa@example.org")
    assert awa["identifier"] == f"groundswell:{world.person_a.uuid}"
    assert awa["given_name"] == "Awa"
    assert (awa["email_consent"], awa["sms_consent"], awa["whatsapp_consent"]) == (
        "granted", "withdrawn", ""
    )  # fmt: skip


def test_a_coordinators_export_holds_no_one_outside_their_groups(world, client_for):
    make_person("stranger@example.org", given_name="Stranger")
    rows = exported(client_for(world.coord_a))
    assert {row["email_address"] for row in rows} == {
        "ada@example.org", "sam@example.org", "awa@example.org"
    }  # fmt: skip
    # Filtering cannot reach beyond the scope either.
    assert exported(client_for(world.coord_a), q="kofi") == []


def test_the_export_follows_the_current_filter(world, client_for):
    tag_person(world.person_a, "drivers")
    criteria = '{"tag": "drivers"}'
    rows = exported(client_for(world.hq), criteria=criteria)
    assert [row["given_name"] for row in rows] == ["Awa"]


def test_cells_that_would_run_as_formulas_are_neutralised(world, client_for):
    make_person("evil@example.org", given_name="=cmd|' /C calc'!A0", family_name="+1+1")
    rows = exported(client_for(world.hq), q="evil")
    assert rows[0]["given_name"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["family_name"] == "'+1+1"


def test_each_export_is_recorded_in_the_audit_log(world, client_for):
    exported(client_for(world.coord_a), q="awa")
    entry = AuditEntry.objects.get(verb="people.exported")
    assert entry.actor == world.coord_a
    assert entry.data["search"] == "awa"


def test_a_supporter_cannot_export(world, client_for):
    assert client_for(world.supporter).get(URL).status_code == 403


def test_the_export_is_streamed_row_by_row(world, client_for):
    response = client_for(world.hq).get(URL)
    chunks = [chunk.decode() for chunk in response.streaming_content]
    assert chunks[0] == "\ufeff"
    assert chunks[1].startswith("identifier,given_name,family_name,email_address")
    assert len(chunks) == 2 + 6  # one chunk per person: nothing is built up in memory


def test_another_coordinators_segment_cannot_be_exported(world, client_for):
    from groundswell.people.services import save_segment

    segment_b = save_segment("Abidjan", criteria={}, actor=world.coord_b)
    assert client_for(world.coord_a).get(URL, {"segment": segment_b.pk}).status_code == 404
    rows = exported(client_for(world.coord_b), segment=segment_b.pk)
    assert {row["email_address"] for row in rows} == {"bola@example.org", "kofi@example.org"}
