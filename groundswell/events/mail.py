"""Emails about events, rendered in the recipient's language and queued in the outbox."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from groundswell.messaging.services import queue_templated_email
from groundswell.people.models import Person

from .models import RSVP, Event


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def links(event, found=None):
    """The addresses a mail about `event` (and one RSVP to it) points to."""
    from .services import rsvp_token

    urls = {
        "event_url": absolute(reverse("events:detail", args=[event.slug])),
        "ics_url": absolute(reverse("events:ics", args=[event.slug])),
    }
    if found is not None:
        token = rsvp_token(found)
        urls["manage_url"] = absolute(reverse("events:rsvp-manage", args=[token]))
        urls["feedback_url"] = absolute(reverse("events:feedback", args=[token]))
    return urls


def queue_event_mail(template, *, rsvp_id=None, event_id=None, person_id=None, key=""):
    """Queue `template` to the RSVP's person (or to `person_id` about `event_id`)."""
    if rsvp_id is not None:
        found = RSVP.objects.select_related("event", "person").get(pk=rsvp_id)
        event, person = found.event, found.person
    else:
        found, event = None, Event.objects.get(pk=event_id)
        person = Person.objects.get(pk=person_id)
    name = template.rsplit("/", 1)[-1]
    key = key or f"{name}:{rsvp_id or event_id}:{person.pk}:{timezone.now().timestamp()}"
    context = {"event": event, "rsvp": found, "person": person, **links(event, found)}
    language = person.language or (event.languages or [None])[0]
    return queue_templated_email(
        person, template, context, key=key, purpose=f"event:{name}", language=language
    )
