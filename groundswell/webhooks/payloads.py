"""What each event carries: the OSDI resources of the API (groundswell.api.resources), with the
person embedded, so a receiver needs no call back to read what happened."""

from urllib.parse import urljoin

from django.conf import settings

from groundswell.api import resources
from groundswell.api.hal import date
from groundswell.people.models import Person


class _Site:
    """Stands in for the request the API renderers take: absolute links on SITE_URL."""

    def build_absolute_uri(self, location):
        return urljoin(settings.SITE_URL, location)


SITE = _Site()


def person(row):
    """The person as the API shows them, with their current consents (one query)."""
    row = resources.with_consents(Person.objects.filter(pk=row.pk)).get()
    return resources.person(SITE, row)


def signature(submission):
    petition = submission.action.kind == "petition"
    render = resources.signature if petition else resources.form_submission
    key = "osdi:signature" if petition else "osdi:submission"
    return {key: render(SITE, submission), "osdi:person": person(submission.person)}


def attendance(rsvp):
    return {"osdi:attendance": resources.attendance(SITE, rsvp), "osdi:person": person(rsvp.person)}


def stage_changed(row, *, from_stage_id, to_stage, at):
    from groundswell.journeys.models import Stage

    from_slug = None
    if from_stage_id is not None:
        from_slug = Stage.objects.filter(pk=from_stage_id).values_list("slug", flat=True).first()
    return {
        "from_stage": from_slug,
        "to_stage": to_stage.slug,
        "changed_date": date(at),
        "osdi:person": person(row),
    }
