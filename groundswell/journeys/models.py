"""The activity spine, per-person counters, and the engagement ladder."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from groundswell.core.i18n import localized

from .kinds import KINDS


class Activity(models.Model):
    """Append-only: one thing a person did. Everything else is derived from these rows."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("kind"), max_length=40, choices=list(KINDS.items()))
    occurred_at = models.DateTimeField(_("time"))
    object_type = models.CharField(max_length=40, blank=True)
    object_id = models.BigIntegerField(null=True, blank=True)
    campaign = models.ForeignKey(
        "campaigns.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(_("channel"), max_length=20, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["person", "occurred_at"], name="activity_person_time"),
            # Covers windowed counts ("2+ actions in 90 days") for a whole population.
            models.Index(fields=["kind", "occurred_at", "person"], name="activity_kind_time"),
            models.Index(fields=["campaign", "occurred_at"], name="activity_campaign_time"),
        ]

    def __str__(self):
        return f"{self.person_id} {self.kind} {self.occurred_at:%Y-%m-%d}"


class Stage(models.Model):
    """A rung of the ladder. A person is at the highest stage whose rule they match."""

    slug = models.SlugField(unique=True)
    order = models.PositiveSmallIntegerField(unique=True)
    name = models.JSONField(_("name"), default=dict)  # {"en": ..., "es": ..., "fr": ...}
    description = models.JSONField(_("description"), default=dict, blank=True)
    rule = models.JSONField(_("rule"), default=dict, blank=True)  # criteria; {} matches everyone
    # When set, a person who has been inactive this long may drop below this stage.
    demote_after_days = models.PositiveIntegerField(
        _("demote after days inactive"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["order"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return localized(self.name) or self.slug


class PersonStats(models.Model):
    """Counters kept current on every activity, so evaluating one person is O(1) in history."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, primary_key=True, related_name="stats"
    )
    stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stage_since = models.DateTimeField(null=True, blank=True)
    first_activity_at = models.DateTimeField(null=True, blank=True)
    last_activity_at = models.DateTimeField(null=True, blank=True, db_index=True)
    activities = models.PositiveIntegerField(default=0)
    actions = models.PositiveIntegerField(default=0)
    events_attended = models.PositiveIntegerField(default=0)
    events_hosted = models.PositiveIntegerField(default=0)
    recruits = models.PositiveIntegerField(default=0)
    courses_completed = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)  # lifetime count per kind
    # Open goals, so the hot path needs no extra query: {counter: the lowest lifetime value of
    # that counter at which one of the person's open goals is reached}.
    goal_marks = models.JSONField(default=dict, blank=True)
    # Per kind, activities per UTC day over the last year: {"petition_signed": {"2026-11-20": 1}}.
    recent = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("person statistics")
        verbose_name_plural = _("person statistics")
        indexes = [models.Index(fields=["stage", "person"], name="stats_stage")]

    def __str__(self):
        return f"stats of {self.person_id}"


class StageTransition(models.Model):
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="stage_transitions"
    )
    from_stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(_("time"))
    reason = models.CharField(max_length=20, default="activity")  # activity, recompute, merge

    class Meta:
        verbose_name = _("stage transition")
        verbose_name_plural = _("stage transitions")
        indexes = [
            models.Index(fields=["person", "at"], name="transition_person_time"),
            models.Index(fields=["to_stage", "at"], name="transition_stage_time"),
        ]

    def __str__(self):
        return f"{self.person_id}: {self.from_stage_id} -> {self.to_stage_id}"


class Goal(models.Model):
    """A personal goal ("attend 10 meetings"): a counter to raise by `target` from `baseline`,
    set by the person or taken from a pledge; progress comes from their activities."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(_("goal"), max_length=200)
    counter = models.CharField(_("what counts"), max_length=40)  # a name in kinds.COUNTERS
    target = models.PositiveIntegerField(_("number"))
    baseline = models.PositiveIntegerField(default=0)  # the counter's value when the goal was set
    source = models.CharField(max_length=40, blank=True)  # "", "pledge:<action slug>"
    created_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(_("by"), null=True, blank=True)
    reached_at = models.DateTimeField(null=True, blank=True)
    abandoned_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        indexes = [models.Index(fields=["person", "reached_at"], name="goal_person_open")]

    def __str__(self):
        return self.title

    @property
    def mark(self):
        """The lifetime counter value at which the goal is reached."""
        return self.baseline + self.target
