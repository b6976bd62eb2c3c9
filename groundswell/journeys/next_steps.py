"""Next best actions: what a person could do now to move up the ladder.

Apps plug in with `register_provider(fn)`; each `fn(person, facts, next_stage)` returns a list of
Suggestion (next_stage is None at the top of the ladder). Two providers ship here: what the
next stage's rule still needs, turned into concrete steps, and the next stage's own description.
Actions, events and courses register providers for their open actions, nearby events and courses.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, ngettext_lazy

from groundswell.core.criteria import AllNode, AnyNode, CountNode, CriteriaError, Everyone, NotNode
from groundswell.core.i18n import localized

from .criteria import parse_criteria
from .facts import PersonFacts
from .kinds import COUNTERS
from .models import Stage

logger = logging.getLogger(__name__)

_PROVIDERS = []


@dataclass(frozen=True)
class Suggestion:
    title: str
    why: str = ""
    url: str = ""
    priority: int = 0  # higher first


@dataclass(frozen=True)
class Requirement:
    """One condition of a stage's rule, against where the person is. `need` is None when the
    condition is not a count (a tag, a field): then only `met` says anything."""

    label: str
    met: bool
    have: int = 0
    need: int | None = None
    counter: str = ""
    within_days: int | None = None

    @property
    def missing(self):
        """How many more it takes (0 for conditions that are not counts)."""
        return max((self.need or 0) - self.have, 0)


def register_provider(fn):
    """Add a suggestion provider (usable as a decorator); registering twice keeps one."""
    if fn not in _PROVIDERS:
        _PROVIDERS.append(fn)
    return fn


def next_stage_after(stage):
    """The rung above `stage` (the first rung for None), or None at the top."""
    return _rung_above(stage.order if stage else None)


def _rung_above(order):
    stages = Stage.objects.order_by("order")
    return stages.filter(order__gt=order).first() if order is not None else stages.first()


_UNSET = object()


def next_best_actions(person, limit=3, *, facts=None, next_stage=_UNSET):
    """The `limit` most useful suggestions for `person`, best first, without repeats."""
    facts = PersonFacts.load(person.pk) if facts is None else facts
    if next_stage is _UNSET:  # the facts already carry the stage: no second stats read
        next_stage = _rung_above(facts.stage_order)
    suggestions = []
    for provider in _PROVIDERS:
        try:
            suggestions.extend(provider(person, facts, next_stage))
        except Exception:
            # One app's broken provider must not take the supporter's page down with it.
            logger.exception("next-step provider %r failed", provider)
    suggestions.sort(key=lambda s: -s.priority)
    seen, best = set(), []
    for suggestion in suggestions:
        if suggestion.title not in seen:
            seen.add(suggestion.title)
            best.append(suggestion)
    return best[:limit]


# --- How far a person is from a stage's rule -------------------------------------------------


def stage_progress(stage, facts, *, now=None):
    """The conditions of `stage`'s rule, each with what it needs and where the person is."""
    if stage is None or not stage.rule:
        return []
    try:
        rule = parse_criteria(stage.rule)
    except CriteriaError:
        logger.warning("stage %s has a rule that does not parse", stage.slug)
        return []
    return _requirements(rule, facts, now)


def _requirements(node, facts, now):
    if isinstance(node, AllNode):
        return [req for child in node.children for req in _requirements(child, facts, now)]
    if isinstance(node, AnyNode):
        # Any one branch is enough: show the branch the person is closest to finishing.
        branches = [_requirements(child, facts, now) for child in node.children]
        return max(branches, key=_closeness, default=[])
    if isinstance(node, NotNode | Everyone):
        return []  # "has not done X" is not a step anyone takes
    if isinstance(node, CountNode):
        return _count_requirement(node, facts, now)
    return [Requirement(label=node.describe(), met=node.matches(facts, now))]


def _count_requirement(node, facts, now):
    need = node.n + 1 if node.op == "gt" else node.n
    if node.op not in {"gte", "gt", "eq"} or need <= 0:
        return []  # an upper bound is a limit, not a goal
    return [
        Requirement(
            label=str(node.vocabulary.counters[node.counter].label),
            met=node.matches(facts, now),
            have=facts.count(node.counter, node.within_days, now),
            need=need,
            counter=node.counter,
            within_days=node.within_days,
        )
    ]


def _closeness(requirements):
    if not requirements:
        return 0
    done = sum(1 if req.met else req.have / req.need if req.need else 0 for req in requirements)
    return done / len(requirements)


def requirement_text(req):
    """ "Actions taken in the last 90 days: 2 of 3" """
    if req.need is None:
        return req.label
    values = {"what": req.label, "have": req.have, "need": req.need, "days": req.within_days}
    if req.within_days:
        return (
            ngettext(
                "%(what)s in the last %(days)d day: %(have)d of %(need)d",
                "%(what)s in the last %(days)d days: %(have)d of %(need)d",
                req.within_days,
            )
            % values
        )
    return _("%(what)s: %(have)d of %(need)d") % values


# --- The providers that work now --------------------------------------------------------------


# counter -> a concrete step; the number is how many more are needed.
STEP_TITLES = {
    "actions": ngettext_lazy("Take one more action", "Take %(count)d more actions", "count"),
    "petition_signed": ngettext_lazy("Sign a petition", "Sign %(count)d more petitions", "count"),
    "letter_sent": ngettext_lazy("Send a letter", "Send %(count)d more letters", "count"),
    "shared": ngettext_lazy("Share an action", "Share %(count)d more actions", "count"),
    "event_rsvp": ngettext_lazy("Sign up for an event", "Sign up for %(count)d events", "count"),
    "event_attended": ngettext_lazy("Attend an event", "Attend %(count)d more events", "count"),
    "event_hosted": ngettext_lazy("Host an event", "Host %(count)d more events", "count"),
    "recruited": ngettext_lazy(
        "Invite a friend with your link", "Invite %(count)d more friends with your link", "count"
    ),
    "course_completed": ngettext_lazy("Finish a course", "Finish %(count)d more courses", "count"),
    "lesson_completed": ngettext_lazy(
        "Complete a lesson", "Complete %(count)d more lessons", "count"
    ),
    "group_joined": ngettext_lazy("Join a local group", "Join %(count)d local groups", "count"),
}
OTHER_STEP = ngettext_lazy("%(what)s: one more to go", "%(what)s: %(count)d more to go", "count")


def _step_title(counter, missing):
    """ "Take 2 more actions", "Attend an event": one step for `missing` more of `counter`."""
    if counter in STEP_TITLES:
        return STEP_TITLES[counter] % {"count": missing}
    return OTHER_STEP % {"what": COUNTERS[counter][1], "count": missing}


def _step_url(person, counter):
    if counter == "recruited":
        # Anyone who arrives through this link and takes part counts as the person's recruit.
        return f"{settings.SITE_URL.rstrip('/')}{reverse('home')}?r={person.referral_code}"
    return ""


def rule_gaps(person, facts, next_stage):
    """A step for every count the next stage's rule still needs; the nearest ones first."""
    if next_stage is None:
        return []
    suggestions = []
    for req in stage_progress(next_stage, facts):
        if req.met or not req.missing:
            continue
        why = _("%(progress)s, towards %(stage)s.") % {
            "progress": requirement_text(req),
            "stage": next_stage.display_name,
        }
        suggestions.append(
            Suggestion(
                title=_step_title(req.counter, req.missing),
                why=why,
                url=_step_url(person, req.counter),
                # Closer to done ranks higher: one step away beats five.
                priority=50 + int(40 * req.have / req.need),
            )
        )
    return suggestions


def stage_description(person, facts, next_stage):
    """The next stage's own words about what it means and how to get there."""
    if next_stage is None:
        return []
    text = localized(next_stage.description)
    if not text:
        return []
    title = _("Become: %(stage)s") % {"stage": next_stage.display_name}
    return [Suggestion(title=title, why=text, priority=10)]


register_provider(rule_gaps)
register_provider(stage_description)
