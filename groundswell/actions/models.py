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
    # Letters: the template the supporter edits, per language.
    letter_subject = models.JSONField(_("letter subject"), default=dict, blank=True)
    letter_body = models.JSONField(_("letter text"), default=dict, blank=True)
    # Pledges: "attend 10 meetings" is the counter event_attended and the amount 10; the supporter
    # may choose their own amount when pledge_amount_editable, within 1..pledge_amount_max.
    pledge_counter = models.CharField(_("pledged activity"), max_length=40, blank=True)
    pledge_amount = models.PositiveIntegerField(_("pledged number"), null=True, blank=True)
    pledge_amount_editable = models.BooleanField(_("supporters choose the number"), default=False)
    pledge_amount_max = models.PositiveIntegerField(_("largest number"), null=True, blank=True)
    pledge_days = models.PositiveIntegerField(_("days to keep the pledge"), null=True, blank=True)
    # Downloads: the asset handed over, and whether a short sign-up comes first.
    asset = models.ForeignKey(
        "campaigns.Asset",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="download_actions",
        verbose_name=_("asset to download"),
    )
    signup_required = models.BooleanField(_("sign-up before download"), default=True)
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
    # What the kind adds, as typed: {"amount": 10} for a pledge.
    data = models.JSONField(default=dict, blank=True)
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


class LetterTarget(models.Model):
    """Someone a letter action writes to: a decision maker (emailed through the outbox) or a
    newspaper (the supporter gets the finished letter and sends it themselves)."""

    class Kind(models.TextChoices):
        DECISION_MAKER = "decision_maker", _("Decision maker")
        NEWSPAPER = "newspaper", _("Newspaper")

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="letter_targets")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.DECISION_MAKER)
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role or title"), max_length=200, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    # Newspapers: where to send letters to the editor, and the longest letter they print.
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("letter target")
        verbose_name_plural = _("letter targets")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name


class Letter(models.Model):
    """The letter one submission sends to one target, as the supporter finished it."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for confirmation")
        QUEUED = "queued", _("Queued for delivery")
        SENT = "sent", _("Delivered by email")
        SELF_SEND = "self_send", _("Given to the supporter to send")
        HELD = "held", _("Held for moderation")
        CANCELLED = "cancelled", _("Cancelled: the submission was invalidated")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="letters")
    target = models.ForeignKey(LetterTarget, on_delete=models.CASCADE, related_name="letters")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"), max_length=5000)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.WAITING)
    outbound = models.ForeignKey(
        "messaging.OutboundEmail",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            models.UniqueConstraint(fields=["submission", "target"], name="letter_once_per_target")
        ]

    def __str__(self):
        return f"{self.submission_id} -> {self.target_id} {self.status}"
