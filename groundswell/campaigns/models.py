"""Campaigns: an issue or theme that actions, events and courses belong to."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groundswell.core.i18n import localized


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
