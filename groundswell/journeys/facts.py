"""One person's facts, as the criteria language's `matches` reads them: profile fields, lifetime
counters, per-day buckets of the last year, stage and dates. Tags load on first use."""

from dataclasses import dataclass, field
from datetime import datetime

from groundswell.people.models import Person, Tagging

from .models import PersonStats, Stage

PERSON_FIELDS = ("country", "language", "region", "locality", "postal_code", "gender", "source")
STAT_COLUMNS = (
    "activities",
    "actions",
    "events_attended",
    "events_hosted",
    "recruits",
    "courses_completed",
)
DATES = {
    "last_activity": "last_activity_at",
    "first_activity": "first_activity_at",
    "created": "created_at",
    "stage_since": "stage_since",
}


@dataclass
class PersonFacts:
    person_id: int | None = None
    country: str = ""
    language: str = ""
    region: str = ""
    locality: str = ""
    postal_code: str = ""
    gender: str = ""
    source: str = ""
    created_at: datetime | None = None
    stage: str = ""  # slug, "" when none
    stage_order: int | None = None
    stage_since: datetime | None = None
    first_activity_at: datetime | None = None
    last_activity_at: datetime | None = None
    activities: int = 0
    actions: int = 0
    events_attended: int = 0
    events_hosted: int = 0
    recruits: int = 0
    courses_completed: int = 0
    counts: dict = field(default_factory=dict)  # lifetime count per kind
    recent: dict = field(default_factory=dict)  # {kind: {"YYYY-MM-DD": n}} over the last year
    tag_names: frozenset | None = None  # None until first asked
    stage_orders: dict | None = None  # {slug: order}; None until first asked
    stages_by_id: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_stats(cls, stats, *, person=None, stages=None):
        """Facts of `stats` (a PersonStats, saved or not); `person` and `stages` save queries."""
        facts = cls.from_person(person or stats.person, stages=stages)
        facts.update_from(stats)
        return facts

    @classmethod
    def from_person(cls, person, *, stages=None):
        """Facts of someone without counters yet: their profile only."""
        facts = cls(person_id=person.pk, created_at=person.created_at)
        for name in PERSON_FIELDS:
            setattr(facts, name, getattr(person, name) or "")
        if stages is not None:
            facts.stage_orders = {stage.slug: stage.order for stage in stages}
            facts.stages_by_id = {stage.pk: stage for stage in stages}
        return facts

    @classmethod
    def load(cls, person_id):
        """The facts of one person, in one query (two for someone without counters)."""
        stats = (
            PersonStats.objects.select_related("person", "stage")
            .filter(person_id=person_id)
            .first()
        )
        if stats is None:
            return cls.from_person(Person.objects.get(pk=person_id))
        return cls.from_stats(stats)

    def update_from(self, stats):
        """Copy the counters, dates and stage of `stats` (sharing its `counts` and `recent`)."""
        for name in STAT_COLUMNS:
            setattr(self, name, getattr(stats, name))
        self.counts, self.recent = stats.counts, stats.recent
        self.first_activity_at, self.last_activity_at = (
            stats.first_activity_at,
            stats.last_activity_at,
        )
        self.stage_since = stats.stage_since
        stage = self.stages_by_id.get(stats.stage_id) if stats.stage_id else None
        self.set_stage(stage or (stats.stage if stats.stage_id else None))

    def set_stage(self, stage):
        """Point the facts at `stage` (a Stage, or None for none)."""
        self.stage, self.stage_order = (stage.slug, stage.order) if stage else ("", None)

    # --- what the criteria language asks (groundswell.core.criteria.Facts) ---

    def value(self, name):
        return getattr(self, name) or ""

    def stat(self, column):
        return getattr(self, column)

    def kind_total(self, kind):
        return self.counts.get(kind, 0)

    def kind_since(self, kind, day):
        buckets = self.recent.get(kind)
        if not buckets:
            return 0
        first = day.isoformat()
        return sum(n for bucket_day, n in buckets.items() if bucket_day >= first)

    def date(self, name):
        return getattr(self, DATES[name])

    def has_tag(self, name):
        if self.tag_names is None:
            self.tag_names = frozenset(
                Tagging.objects.filter(person_id=self.person_id).values_list("tag__name", flat=True)
            )
        return name in self.tag_names

    def stage_order_of(self, slug):
        if self.stage_orders is None:
            self.stage_orders = dict(Stage.objects.values_list("slug", "order"))
        return self.stage_orders.get(slug)

    def count(self, counter, within_days=None, now=None):
        """How many `counter` activities (in the last `within_days` days), as criteria count."""
        from .criteria import VOCABULARY

        return VOCABULARY.count(self, counter, within_days, now)
