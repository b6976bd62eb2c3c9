"""Local groups and the distributed team tree (HQ -> hub -> group, any depth)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from groundswell.core.i18n import localized


class Group(models.Model):
    class Kind(models.TextChoices):
        HQ = "hq", _("Headquarters")
        HUB = "hub", _("Hub")
        LOCAL = "local", _("Local group")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Anyone can join")
        BY_REQUEST = "by_request", _("A coordinator approves each request")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Materialised path of ancestor ids ("/1/4/9/"), so a subtree is one indexed prefix query.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="/")
    # Set by the services: the root is HQ, a group with groups below it is a hub.
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.LOCAL)
    country = models.CharField(_("country"), max_length=2, blank=True)
    locality = models.CharField(_("locality"), max_length=100, blank=True)
    # Per-language content: {"en": "...", "es": "...", "fr": "..."}.
    description = models.JSONField(_("description"), default=dict, blank=True)
    area = models.CharField(_("area"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True, db_index=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)  # ["fr", "wo"]
    campaigns = models.ManyToManyField(
        "campaigns.Campaign", blank=True, related_name="groups", verbose_name=_("campaigns")
    )
    join_policy = models.CharField(
        _("joining"), max_length=12, choices=JoinPolicy, default=JoinPolicy.OPEN
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="group_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="group_longitude_range",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def display_description(self):
        return localized(self.description)

    @property
    def depth(self):
        """0 for the top of the tree, 1 for its children, and so on."""
        return max(self.path.count("/") - 2, 0)

    @property
    def ancestor_ids(self):
        """The ids on the path from the top down to this group, itself included."""
        return [int(part) for part in self.path.strip("/").split("/") if part]


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        COORDINATOR = "coordinator", _("Coordinator")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Member")
        PENDING = "pending", _("Waiting for approval")
        DECLINED = "declined", _("Declined")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="group_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.ACTIVE, db_index=True
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    requested_at = models.DateTimeField(_("requested"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "person"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.person_id} in {self.group_id} ({self.role}, {self.status})"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE


class GroupUpdate(models.Model):
    """A short update a coordinator posts to their group's members."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("update"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("group update")
        verbose_name_plural = _("group updates")
        indexes = [models.Index(fields=["group", "-created_at"], name="group_update_feed")]
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"update {self.pk} to {self.group_id}"
