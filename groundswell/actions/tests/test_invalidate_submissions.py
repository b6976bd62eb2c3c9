from groundswell.actions import counters
from groundswell.actions.models import Submission
from groundswell.actions.services import clear_submissions, invalidate_submissions, take_action
from groundswell.core.models import AuditEntry

from .conftest import SIGNER


def sign(action, email, *, bot=False):
    data = {**SIGNER, "email": email, "homepage": "http://spam.example" if bot else ""}
    submission, _created = take_action(action, data=data)
    return submission


def test_invalidated_submissions_are_never_counted_and_leave_an_audit_row(action, world):
    bot = sign(action, "bot@example.net", bot=True)
    sign(action, "real@example.org")

    assert invalidate_submissions([bot.pk], actor=world.organiser) == 1

    bot.refresh_from_db()
    assert bot.status == Submission.Status.INVALID and not bot.counts
    assert counters.total(action.pk) == 1 == counters.recount(action.pk)
    entry = AuditEntry.objects.get(verb="action.invalidated")
    assert (entry.object_id, entry.actor) == (str(bot.pk), world.organiser)


def test_invalidating_twice_changes_nothing_the_second_time(action, world):
    bot = sign(action, "bot@example.net", bot=True)

    invalidate_submissions([bot.pk], actor=world.organiser)

    assert invalidate_submissions([bot.pk], actor=world.organiser) == 0
    assert AuditEntry.objects.filter(verb="action.invalidated").count() == 1


def test_a_submission_that_is_not_flagged_cannot_be_invalidated(action, world):
    real = sign(action, "real@example.org")

    assert invalidate_submissions([real.pk], actor=world.organiser) == 0
    real.refresh_from_db()
    assert real.counts and counters.total(action.pk) == 1


def test_clearing_in_bulk_counts_the_flagged_ones_once(action, world):
    bots = [sign(action, f"bot{n}@example.net", bot=True) for n in range(2)]
    ids = [bot.pk for bot in bots]

    assert clear_submissions(ids, actor=world.organiser) == 2
    assert clear_submissions(ids, actor=world.organiser) == 0
    assert counters.total(action.pk) == 2


def test_an_invalidated_submission_cannot_be_cleared_back_into_the_count(action, world):
    bot = sign(action, "bot@example.net", bot=True)
    invalidate_submissions([bot.pk], actor=world.organiser)

    assert clear_submissions([bot.pk], actor=world.organiser) == 0
    assert counters.total(action.pk) == 0
