from groundswell.events.demo import create_demo_events
from groundswell.events.models import RSVP, Event
from groundswell.journeys.models import Activity


def test_the_demo_has_upcoming_and_past_events_a_waitlist_and_a_proposal(db, now):
    total = create_demo_events()

    events = Event.objects.all()
    assert total == events.count() == 10
    assert events.filter(online=True).exists() and events.filter(online=False).exists()
    assert len(set(events.exclude(country="").values_list("country", flat=True))) >= 4
    assert events.filter(status="proposed").count() == 1
    assert RSVP.objects.filter(status="waitlisted").exists()
    assert RSVP.objects.filter(attended_at__isnull=False).exists()
    assert Activity.objects.filter(kind="event_hosted").exists()


def test_the_demo_is_safe_to_run_again(db, now):
    create_demo_events()

    assert create_demo_events() == 10
