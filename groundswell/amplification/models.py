"""Who recruited whom: set once, first touch wins."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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
