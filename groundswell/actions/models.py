"""Actions people take on a public page, and their submissions (one per person and action)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from groundswell.core.i18n import localized


def default_wording_version():
    return settings.GROUNDSWELL["CONSENT_WORDING_VERSION"]


class Action(models.Model):
    class Kind(models.TextChoices):
        PETITION = "petition", _("Petition")
        LETTER = "letter", _("Letter")
        PLEDGE = "pledge", _("Pledge")
        DOWNLOAD = "download", _("Download")
        SHARE = "share", _("Share")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        LIVE = "live", _("Live")
        CLOSED = "closed", _("Closed")

    # The activity a confirmed submission records on the person's journey.
    ACTIVITY_KINDS = {
        Kind.PETITION: "petition_signed",
        Kind.LETTER: "letter_sent",
        Kind.PLEDGE: "pledge_made",
        Kind.DOWNLOAD: "download",
        Kind.SHARE: "shared",
    }

    campaign = models.ForeignKey(
        "campaigns.Campaign", on_delete=models.PROTECT, related_name="actions"
    )
    slug = models.SlugField(unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.PETITION)
    # Per-language content: {"en": "...", "es": "...", "fr": "..."}.
    title = models.JSONField(_("title"), default=dict)
    intro = models.JSONField(_("introduction"), default=dict, blank=True)
    body = models.JSONField(_("text"), default=dict, blank=True)
    target = models.CharField(_("target"), max_length=200, blank=True)
    goal = models.PositiveIntegerField(_("goal"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    double_opt_in = models.BooleanField(
        _("double opt-in"),
        default=False,
        help_text=_("Count a submission only once the person follows the emailed link."),
    )
    # The consent wording shown beside the checkbox, per language, and the version recorded
    # in the consent ledger with every consent given on this page.
    consent_text = models.JSONField(_("consent wording"), default=dict, blank=True)
    consent_wording_version = models.CharField(
        _("consent wording version"), max_length=40, default=default_wording_version
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return localized(self.title) or self.slug

    @property
    def display_intro(self):
        return localized(self.intro)

    @property
    def display_body(self):
        return localized(self.body)

    @property
    def activity_kind(self):
        return self.ACTIVITY_KINDS[self.kind]

    @property
    def is_live(self):
        return self.status == self.Status.LIVE


class Submission(models.Model):
    """One person's submission to one action; a retry or a double click is the same row."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for email confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        INVALID = "invalid", _("Invalidated by an organiser")

    class FlagReason(models.TextChoices):
        HONEYPOT = "honeypot", _("Filled in the hidden trap field")
        IP_RATE = "ip_rate", _("Too many submissions from one network address")
        DOMAIN_RATE = "domain_rate", _("Too many submissions from one email domain")

    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="action_submissions"
    )
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="submissions")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    comment = models.TextField(_("public comment"), max_length=500, blank=True)
    flagged = models.BooleanField(_("flagged"), default=False)
    flag_reason = models.CharField(
        _("why it was flagged"), max_length=40, choices=FlagReason, blank=True
    )
    channel = models.CharField(_("channel"), max_length=20, blank=True)
    referral_code = models.CharField(_("referral code"), max_length=12, blank=True)
    # A keyed hash of the address, for rate limits and moderation; never the address itself.
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(fields=["person", "action"], name="submission_once_per_person")
        ]
        indexes = [
            models.Index(fields=["action", "status", "flagged"]),
            models.Index(fields=["action", "-created_at"]),
        ]

    def __str__(self):
        return f"{self.action_id}/{self.person_id} {self.status}"

    @property
    def counts(self):
        """Whether this submission is in the action's live count."""
        return self.status == self.Status.CONFIRMED and not self.flagged


class ActionCount(models.Model):
    """One shard of an action's live count: a signature bumps a random shard, so a viral spike
    spreads its writes over many rows instead of queueing on one."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="count_shards")
    shard = models.PositiveSmallIntegerField()
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["action", "shard"], name="action_count_shard_unique")
        ]

    def __str__(self):
        return f"{self.action_id}#{self.shard}={self.count}"
