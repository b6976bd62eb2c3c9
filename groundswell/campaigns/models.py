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
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return localized(self.title) or self.slug

    def share_message(self, platform, language=None):
        """The ready-made message for `platform` in `language` (falling back), or ""."""
        return localized(self.share_messages.get(platform, {}), language)
