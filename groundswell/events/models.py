"""Events (online or in a place, in a time zone, with capacity) and the RSVPs to them."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from groundswell.core.codes import random_code
from groundswell.core.i18n import localized


def new_check_in_code():
    return random_code(6)


class Event(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed, waiting for approval")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")
        REJECTED = "rejected", _("Not approved")

    slug = models.SlugField(max_length=80, unique=True)
    # Per-language content: {"en": "...", "fr": "..."}.
    title = models.JSONField(_("title"), default=dict)
    description = models.JSONField(_("description"), default=dict, blank=True)
    languages = models.JSONField(_("languages"), default=list)  # ["en", "fr"]: spoken at the event
    online = models.BooleanField(_("online"), default=False)
    join_url = models.URLField(_("link to join"), max_length=500, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    locality = models.CharField(_("locality"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts at"), db_index=True)
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(_("time zone"), max_length=64)  # IANA name, e.g. "Africa/Dakar"
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)  # None: no limit
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("campaign"),
    )
    group = models.ForeignKey(
        "groups.Group",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("group"),
    )
    host = models.ForeignKey(
        "people.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        verbose_name=_("host"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.PUBLISHED, db_index=True
    )
    status_note = models.CharField(_("reason"), max_length=500, blank=True)
    check_in_code = models.CharField(max_length=12, unique=True, default=new_check_in_code)
    # Set once when hosting is recorded as the host's activity (the event took place).
    hosted_recorded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="event_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="event_longitude_range",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            models.Index(fields=["latitude", "longitude"]),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return localized(self.title) or self.slug

    @property
    def display_description(self):
        return localized(self.description)

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def is_open(self):
        return self.status == self.Status.PUBLISHED


class RSVP(models.Model):
    class Status(models.TextChoices):
        GOING = "going", _("Going")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rsvps")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="rsvps")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.GOING)
    position = models.PositiveIntegerField(null=True, blank=True)  # on the waitlist, 1 is next
    channel = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attended_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    # Each mail is claimed by setting its column (a conditional UPDATE), so it goes once.
    day_reminder_at = models.DateTimeField(null=True, blank=True, editable=False)
    hour_reminder_at = models.DateTimeField(null=True, blank=True, editable=False)
    follow_up_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="rsvp_once_per_person")
        ]
        indexes = [models.Index(fields=["event", "status", "position"])]

    def __str__(self):
        return f"{self.person_id} {self.status} {self.event_id}"


class Feedback(models.Model):
    """The answer to the follow-up's one question: how was it (1-5), and a comment."""

    rsvp = models.OneToOneField(RSVP, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event feedback")
        verbose_name_plural = _("event feedback")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="event_feedback_rating_range"
            )
        ]

    def __str__(self):
        return f"{self.rating}/5 for {self.rsvp_id}"
