"""Who recruited whom (set once, first touch wins) and which share links were followed."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The channels a share link can travel by; anything else a link claims is counted as "other".
CHANNELS = [
    ("whatsapp", _("WhatsApp")),
    ("sms", _("SMS")),
    ("email", _("Email")),
    ("x", _("X")),
    ("facebook", _("Facebook")),
    ("copy", _("Copied link")),
    ("qr", _("QR code")),
    ("other", _("Other")),
]


class Attribution(models.Model):
    """How a person first arrived: the referrer, the tree's root and the person's depth in it."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, primary_key=True, related_name="attribution"
    )
    referred_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="recruits"
    )
    root = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=0)
    channel = models.CharField(_("channel"), max_length=20, blank=True)
    campaign = models.ForeignKey(
        "campaigns.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attribution")
        indexes = [models.Index(fields=["root"]), models.Index(fields=["referred_by"])]

    def __str__(self):
        return f"{self.person_id} <- {self.referred_by_id}"


class ShareClick(models.Model):
    """Someone followed a share link. Nothing personal is kept: no IP, no user agent, no cookie."""

    code = models.CharField(_("referral code"), max_length=12)
    channel = models.CharField(_("channel"), max_length=20, choices=CHANNELS)
    campaign = models.ForeignKey(
        "campaigns.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    path = models.CharField(_("page"), max_length=500)
    at = models.DateTimeField(_("time"), default=timezone.now)
    # The person whose sign-up this click most likely led to (same code and channel, soon after).
    converted = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("share click")
        verbose_name_plural = _("share clicks")
        indexes = [
            models.Index(fields=["code", "channel", "-at"]),
            models.Index(fields=["campaign", "channel"]),
        ]

    def __str__(self):
        return f"{self.code}/{self.channel} {self.path}"
