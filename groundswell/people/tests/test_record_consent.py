from datetime import UTC, datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from groundswell.accounts.models import User
from groundswell.core.models import AuditEntry
from groundswell.people.models import Person
from groundswell.people.services import (
    current_consents,
    has_consent,
    record_consent,
    upsert_person,
    with_current_consent,
)

pytestmark = pytest.mark.django_db

MARCH = datetime(2026, 3, 1, 12, tzinfo=UTC)
APRIL = datetime(2026, 4, 1, 12, tzinfo=UTC)


def person(email="ana@example.org"):
    return upsert_person(email=email)[0]


def test_a_withdrawal_is_a_new_row_and_the_earlier_consent_stays_in_the_ledger():
    ana = person()
    with time_machine.travel(MARCH, tick=False):
        granted = record_consent(ana, channel="email", granted=True, source="form")
    with time_machine.travel(APRIL, tick=False):
        record_consent(ana, channel="email", granted=False, source="inbound")
    assert ana.consents.count() == 2
    granted.refresh_from_db()
    assert (granted.granted, granted.recorded_at) == (True, MARCH)
    assert current_consents(ana)[("email", "updates")].granted is False
    assert has_consent(ana, "email") is False


def test_the_latest_consent_by_time_wins_even_when_an_older_one_is_recorded_later():
    ana = person()
    record_consent(ana, channel="sms", granted=True, source="form", at=APRIL)
    record_consent(ana, channel="sms", granted=False, source="import", at=MARCH)  # old paper form
    assert has_consent(ana, "sms") is True
    assert current_consents(ana)[("sms", "updates")].recorded_at == APRIL


def test_consent_is_per_channel_and_purpose():
    ana = person()
    record_consent(ana, channel="email", granted=True, source="form", wording_version="v1")
    record_consent(ana, channel="email", purpose="fundraising", granted=False, source="form")
    current = current_consents(ana)
    assert set(current) == {("email", "updates"), ("email", "fundraising")}
    assert current[("email", "updates")].wording_version == "v1"
    assert has_consent(ana, "email") is True
    assert has_consent(ana, "email", "fundraising") is False
    assert has_consent(ana, "whatsapp") is False


def test_people_are_selected_by_their_current_consent_in_one_query(django_assert_num_queries):
    granted, withdrawn, never, regranted = (person(f"{n}@example.org") for n in "abcd")
    record_consent(granted, channel="email", granted=True, source="form", at=MARCH)
    record_consent(withdrawn, channel="email", granted=True, source="form", at=MARCH)
    record_consent(withdrawn, channel="email", granted=False, source="form", at=APRIL)
    record_consent(never, channel="sms", granted=True, source="form", at=MARCH)
    record_consent(regranted, channel="email", granted=False, source="form", at=MARCH)
    record_consent(regranted, channel="email", granted=True, source="form", at=APRIL)
    with django_assert_num_queries(1):
        selected = set(with_current_consent("email").values_list("email", flat=True))
    assert selected == {"a@example.org", "d@example.org"}
    within = with_current_consent("email", queryset=Person.objects.filter(email__startswith="d"))
    assert list(within) == [regranted]


def test_a_consent_for_an_unknown_channel_is_refused_and_nothing_is_written():
    ana = person()
    with pytest.raises(ValidationError) as caught:
        record_consent(ana, channel="pigeon", granted=True, source="form")
    assert list(caught.value.error_dict) == ["consents"]
    assert ana.consents.count() == 0


def test_a_naive_consent_time_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        record_consent(
            person(),
            channel="email",
            granted=True,
            source="form",
            at=datetime(2026, 3, 1),  # noqa: DTZ001 - the naive time under test
        )


def test_a_consent_recorded_by_staff_is_audited_with_who_did_it():
    ana = person()
    staff = User.objects.create_user("oscar@hq.example.org", "pw", role=User.Role.ORGANISER)
    record_consent(ana, channel="email", granted=False, source="staff", actor=staff)
    entry = AuditEntry.objects.get(verb="person.consent_recorded")
    assert (entry.actor, entry.object_id, entry.data["granted"]) == (staff, str(ana.pk), False)
