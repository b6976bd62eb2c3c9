"""Supporters and what they told us about themselves: contact points, consent, tags."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from groundswell.core.codes import random_code

CHANNELS = [("email", _("Email")), ("sms", _("SMS")), ("whatsapp", _("WhatsApp"))]
CONSENT_SOURCES = [
    ("form", _("Web form")),
    ("import", _("Import")),
    ("api", _("API key")),
    ("staff", _("Staff")),
    ("inbound", _("Inbound message")),
]
GENDERS = [
    ("", _("Not given")),
    ("woman", _("Woman")),
    ("man", _("Man")),
    ("non_binary", _("Non-binary")),
    ("self_described", _("Self-described")),
    ("prefer_not", _("Prefer not to say")),
]


def new_referral_code():
    return random_code(8)


class Person(models.Model):
    """One supporter. Email is stored normalised (lower-case, IDNA domain); phone in E.164."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    given_name = models.CharField(_("given name"), max_length=100, blank=True)
    family_name = models.CharField(_("family name"), max_length=100, blank=True)
    email = models.CharField(_("email"), max_length=254, null=True, blank=True, unique=True)
    phone = models.CharField(_("phone"), max_length=20, null=True, blank=True, db_index=True)
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    country = models.CharField(_("country"), max_length=2, blank=True, db_index=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    locality = models.CharField(_("locality"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # Never shown publicly: only for aggregate digital-divide breakdowns.
    gender = models.CharField(_("gender"), max_length=20, choices=GENDERS, blank=True)
    gender_self_described = models.CharField(_("gender, in your words"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=100, blank=True)
    custom_fields = models.JSONField(_("custom fields"), default=dict, blank=True)
    referral_code = models.CharField(max_length=12, unique=True, default=new_referral_code)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    modified_at = models.DateTimeField(_("modified"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        constraints = [
            # People without an email are unique by phone, so concurrent phone-only
            # sign-ups cannot create twins; people with email may share a family phone.
            models.UniqueConstraint(
                fields=["phone"],
                condition=models.Q(email__isnull=True, phone__isnull=False),
                name="person_phone_unique_without_email",
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="person_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="person_longitude_range",
            ),
        ]
        indexes = [
            models.Index(Lower("family_name"), Lower("given_name"), name="person_name_idx"),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        name = f"{self.given_name} {self.family_name}".strip()
        return name or self.email or self.phone or str(self.uuid)[:8]


class ConsentRecord(models.Model):
    """Append-only consent ledger: the latest row per (channel, purpose) is the current consent."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    channel = models.CharField(_("channel"), max_length=20, choices=CHANNELS)
    purpose = models.CharField(_("purpose"), max_length=60, default="updates")
    granted = models.BooleanField(_("granted"))
    recorded_at = models.DateTimeField(_("time"), db_index=True)
    source = models.CharField(_("source"), max_length=20, choices=CONSENT_SOURCES)
    source_detail = models.CharField(max_length=200, blank=True)
    wording_version = models.CharField(_("wording version"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        indexes = [models.Index(fields=["person", "channel", "purpose", "-recorded_at"])]

    def __str__(self):
        state = "granted" if self.granted else "withdrawn"
        return f"{self.channel}/{self.purpose} {state}"


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Tagging(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="taggings")
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="taggings")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["person", "tag"], name="tagging_unique")]
        indexes = [models.Index(fields=["tag", "person"])]

    def __str__(self):
        return f"{self.tag} on {self.person_id}"


class Segment(models.Model):
    """A saved "which people" question, written in the criteria language."""

    name = models.CharField(_("name"), max_length=120)
    criteria = models.JSONField(_("criteria"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["name"]

    def __str__(self):
        return self.name


# CSV import models live in their own module; importing them here registers them with the app.
from .imports.models import DuplicateCandidate, ImportRowError, ImportSource, PersonImport  # noqa: E402, F401
