"""Campaigns: an issue or theme that actions, events and courses belong to, with its toolkit."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from groundswell.core.i18n import language_codes, localized

# Ready-made share messages per platform, and the most characters each platform takes in one
# message (SMS: one segment of the GSM alphabet; X: a post; the rest keep messages readable).
SHARE_PLATFORMS = {
    "whatsapp": (_("WhatsApp"), 1000),
    "sms": (_("SMS"), 160),
    "email": (_("Email"), 2000),
    "x": (_("X"), 280),
    "facebook": (_("Facebook"), 2000),
}
# The link added to a message takes about this many characters (X counts every link as 23).
LINK_ALLOWANCE = 23

MESSAGES = {
    "shape": _("Share messages are texts per platform and per language."),
    "platform": _("Unknown platform %(platform)s."),
    "language": _("Unknown language %(language)s."),
    "too_long": _(
        "The %(platform)s message in %(language)s has %(count)d characters; with its link it "
        "must fit in %(limit)d."
    ),
}


def check_share_messages(value):
    """Raise a ValidationError unless `value` is {platform: {language: text}} within each limit."""
    if not isinstance(value, dict):
        raise ValidationError(MESSAGES["shape"], code="invalid")
    languages = set(language_codes())
    errors = []
    for platform, texts in value.items():
        if platform not in SHARE_PLATFORMS:
            errors.append(ValidationError(MESSAGES["platform"], "platform", {"platform": platform}))
            continue
        if not isinstance(texts, dict) or not all(isinstance(t, str) for t in texts.values()):
            errors.append(ValidationError(MESSAGES["shape"], code="invalid"))
            continue
        label, limit = SHARE_PLATFORMS[platform]
        for language, text in texts.items():
            if language not in languages:
                params = {"language": language}
                errors.append(ValidationError(MESSAGES["language"], "language", params))
            elif len(text) + LINK_ALLOWANCE + 1 > limit:
                params = {"platform": label, "language": language, "count": len(text)}
                params["limit"] = limit
                errors.append(ValidationError(MESSAGES["too_long"], "too_long", params))
    if errors:
        raise ValidationError(errors)


class Campaign(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PREVIEW = "preview", _("Preview")
        LIVE = "live", _("Live")
        CLOSED = "closed", _("Closed")

    slug = models.SlugField(unique=True)
    # Per-language content: {"en": "...", "es": "...", "fr": "..."}.
    title = models.JSONField(_("title"), default=dict)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    description = models.JSONField(_("description"), default=dict, blank=True)
    # The toolkit's ready-made messages: {"whatsapp": {"en": "...", "es": "..."}, "sms": {...}}.
    share_messages = models.JSONField(
        _("share messages"), default=dict, blank=True, validators=[check_share_messages]
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    # Co-creation: while in preview, supporters at this stage or above see the campaign and give
    # feedback (None: the default preview stage, settings.GROUNDSWELL["PREVIEW_STAGE"]).
    preview_stage = models.ForeignKey(
        "journeys.Stage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("preview visible from stage"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return localized(self.title) or self.slug

    @property
    def display_summary(self):
        return localized(self.summary)

    @property
    def display_description(self):
        return localized(self.description)

    def share_message(self, platform, language=None):
        """The ready-made message for `platform` in `language` (falling back), or ""."""
        return localized(self.share_messages.get(platform, {}), language)


def asset_path(asset, filename):
    return f"toolkit/{asset.campaign.slug}/{filename}"


class Asset(models.Model):
    """A file in a campaign's toolkit: a guide to download, an image to post, a poster to print."""

    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        IMAGE = "image", _("Image")
        OTHER = "other", _("Other")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="assets")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.GUIDE)
    title = models.JSONField(_("title"), default=dict)  # per language
    description = models.JSONField(_("description"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)  # "" = any language
    file = models.FileField(_("file"), upload_to=asset_path)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("toolkit asset")
        verbose_name_plural = _("toolkit assets")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return localized(self.title) or self.filename

    @property
    def display_description(self):
        return localized(self.description)

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""


class Reaction(models.Model):
    """A supporter's reaction to a campaign in preview; one per person, changeable."""

    class Kind(models.TextChoices):
        LOVE = "love", _("I love it")
        UNSURE = "unsure", _("I am not sure")
        CONCERN = "concern", _("I have a concern")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reactions")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("reaction"), max_length=10, choices=Kind)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "person"], name="reaction_once_per_person")
        ]

    def __str__(self):
        return f"{self.person_id} {self.kind} {self.campaign_id}"


class Comment(models.Model):
    """A supporter's comment on a campaign in preview. Organisers may hide one."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="comments")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("comment"), max_length=2000)
    hidden = models.BooleanField(_("hidden"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [models.Index(fields=["campaign", "-created_at"])]

    def __str__(self):
        return f"{self.person_id} on {self.campaign_id}"
