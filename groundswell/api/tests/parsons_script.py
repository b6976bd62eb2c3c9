"""Run by the parsons test in parsons' own virtualenv: drives its ActionNetwork connector
against a live Groundswell test server and prints what it saw as JSON."""

import json
import sys

from parsons import ActionNetwork


def ident(entry):
    return next(i.split(":", 1)[1] for i in entry["identifiers"] if i.startswith("action_network:"))


def main(base, petition_id, event_id):
    an = ActionNetwork(api_token=sys.argv[4])
    # The base URL is overridden after construction, as the connector has no argument for it.
    an.api_url = base
    an.api.uri = base + "/"
    out = {}
    person = an.upsert_person(
        email_address="ana@example.org",
        given_name="Ana",
        family_name="Souza",
        tags=["volunteer"],
        languages_spoken=["fr"],
        postal_addresses=[{"postal_code": "75011", "country": "FR"}],
        employer="Hospital",
    )
    out["upserted"] = ident(person)
    again = an.upsert_person(email_address="ANA@example.org", given_name="Ana")
    out["upserted_again"] = ident(again)
    # (parsons refuses a phone-only upsert itself: email_address must be a str or list.)
    kim = an.upsert_person(email_address="kim@example.org", mobile_number="+221771234567")
    out["phone_person"] = ident(kim)
    people = an.get_people()
    out["people"] = sorted(
        row["email_addresses"][0]["address"] for row in people if row["email_addresses"]
    )
    out["filtered"] = an.get_people(filter="email_address eq 'ana@example.org'").num_rows
    out["one"] = an.get_person(out["upserted"])["given_name"]
    tag = an.add_tag("nurse")
    person_href = person["_links"]["self"]["href"]
    an.create_tagging(ident(tag), {"_links": {"osdi:person": {"href": person_href}}})
    out["tags"] = sorted(row["name"] for row in an.get_tags())
    out["taggings"] = an.get_taggings(ident(tag)).num_rows
    out["petitions"] = [row["title"] for row in an.get_petitions()]
    # parsons' create_signature and create_attendance pass their payload as query parameters
    # (requests drops nested objects there), so the body never arrives at any server; the
    # connector's own authenticated client posts the same payload as JSON instead.
    signer = {"person": {"email_addresses": [{"address": "bo@example.org"}], "given_name": "Bo"}}
    an.api.post_request(url=f"petitions/{petition_id}/signatures", json=signer)
    out["signatures"] = an.get_petition_signatures(petition_id).num_rows
    linked = {"_links": {"osdi:person": {"href": person_href}}}
    an.api.post_request(url=f"events/{event_id}/attendances", json=linked)
    out["attendances"] = an.get_event_attendances(event_id).num_rows
    out["events"] = [row["title"] for row in an.get_events()]
    print(json.dumps(out))


if __name__ == "__main__":
    main(*sys.argv[1:4])
