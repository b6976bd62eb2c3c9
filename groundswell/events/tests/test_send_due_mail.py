"""Reminders a day and an hour before, and the follow-up after, each sent exactly once, on the
wire, in the attendee's language."""

from datetime import timedelta

import pytest

from groundswell.core.scheduler import JOBS
from groundswell.events import services
from groundswell.journeys.models import Activity
from groundswell.messaging.models import OutboundEmail


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def attendees(event, guest):
    french = services.rsvp(event, person=guest("fr@example.org", language="fr"))[0]
    spanish = services.rsvp(event, person=guest("es@example.org", language="es"))[0]
    return french, spanish


def test_the_day_reminder_goes_once_to_each_attendee_in_their_language_on_the_wire(
    attendees, event, now, smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    now.move_to(event.starts_at - timedelta(hours=23))

    with django_capture_on_commit_callbacks(execute=True):
        first = services.send_due_mail()
    with django_capture_on_commit_callbacks(execute=True):
        second = services.send_due_mail()

    assert (first["day"], second["day"]) == (2, 0)
    french = smtp_server.to("fr@example.org")
    assert len(french) == 1
    assert "Nettoyage de Dakar" in french[0]["Subject"]  # the French title
    assert french[0]["Content-Language"] == "fr"
    body = smtp_server.text(french[0])
    assert "Maison des jeunes" in body
    assert "09:00" in body  # 09:00 in Dakar (UTC+0) on 4 June
    assert smtp_server.to("es@example.org")[0]["Content-Language"] == "es"


def test_the_hour_reminder_follows_the_day_reminder_and_each_goes_once(attendees, event, now):
    now.move_to(event.starts_at - timedelta(hours=20))
    services.send_due_mail()
    now.move_to(event.starts_at - timedelta(minutes=50))
    services.send_due_mail()
    services.send_due_mail()

    purposes = sorted(OutboundEmail.objects.values_list("purpose", flat=True))
    assert purposes == ["event:event-reminder-day"] * 2 + ["event:event-reminder-hour"] * 2


def test_someone_who_rsvps_half_an_hour_before_gets_only_the_hour_reminder(event, guest, now):
    now.move_to(event.starts_at - timedelta(minutes=30))
    services.rsvp(event, person=guest("late@example.org"))

    sent = services.send_due_mail()

    assert (sent["day"], sent["hour"]) == (0, 1)


def test_the_hour_reminder_of_an_online_event_carries_the_joining_link(make_event, guest, now):
    event = make_event(online=True, join_url="https://meet.example.org/xyz")
    services.rsvp(event, person=guest("on@example.org"))
    now.move_to(event.starts_at - timedelta(minutes=30))

    services.send_due_mail()

    assert "https://meet.example.org/xyz" in OutboundEmail.objects.get().body


def test_cancelled_rsvps_and_cancelled_events_get_no_reminder(event, make_event, guest, now):
    found, _ = services.rsvp(event, person=guest("gone@example.org"))
    services.cancel_rsvp(found)
    other = make_event()
    services.rsvp(other, person=guest("x@example.org"))
    services.cancel_event(other)
    now.move_to(event.starts_at - timedelta(hours=2))

    assert services.send_due_mail()["day"] == 0


def test_after_the_event_the_follow_up_asks_how_it_was_once_and_hosting_is_recorded(
    attendees, event, world, now
):
    now.move_to(event.ends_at + timedelta(hours=2))

    sent = services.send_due_mail()
    again = services.send_due_mail()

    assert (sent["follow_up"], again["follow_up"]) == (2, 0)
    mail = OutboundEmail.objects.get(to="fr@example.org", purpose="event:event-follow-up")
    assert "/events/feedback/" in mail.body and "?rating=5" in mail.body
    assert (sent["hosted"], again["hosted"]) == (1, 0)
    assert Activity.objects.get(kind="event_hosted").person_id == world.coord_a.person_id


def test_no_follow_up_for_an_event_long_past(attendees, event, now):
    now.move_to(event.ends_at + timedelta(days=5))

    assert services.send_due_mail()["follow_up"] == 0


def test_the_scheduler_runs_the_event_mail_every_few_minutes():
    job = next(job for job in JOBS if job.name == "event-mail")

    assert job.task == "groundswell.events.tasks.send_event_mail_task"
    assert job.every <= timedelta(minutes=10)
