"""The criteria language: one small, validated JSON grammar that says "which people".

A ladder rule, a segment, a badge rule and a mailing's audience are all criteria. `parse(data,
vocabulary)` validates them before anything reaches SQL and returns a node with two evaluators
that must agree (property tests hold them to it):

- `node.to_q(now)`: a Q for `Person.objects.filter(...)`, set-based for whole populations;
- `node.matches(facts, now)`: in Python on one person's facts, for the hot path.

Grammar (numbers are whole; <op> is one of gte, gt, lte, lt, eq):

    {}                                              everyone
    {"all": [..]}  {"any": [..]}  {"not": {..}}
    {"count": "<counter>", "<op>": n, "within_days": d}      within_days optional, 1..365
    {"field": "<name>", "eq"|"ne": "v"}  {"field": .., "in"|"not_in": ["v", ..]}
    {"field": .., "empty": true|false}
    {"stage_at_least": "<slug>"}  {"tag": "<name>"}  {"days_since": "<date>", "<op>": n}

Time is counted in whole UTC days, the same way by both evaluators:
- `within_days=d` counts activities with occurred_at >= midnight UTC of (today - (d - 1) days), so
  1 means "today"; without it a count covers the whole history (the stats row's lifetime counts).
- `days_since` is the number of calendar days (UTC) from the date to today. A missing date (no
  activity yet, no stage) counts as infinitely long ago: `{"days_since": "last_activity", "gte":
  30}` includes people who never did anything, and "lte"/"lt"/"eq" never match them.
- Someone without a stats row has zero counts, no stage and missing dates.

Core imports nothing of ours: the app that owns the people supplies a Vocabulary (its counters,
fields, dates and the models to count in), and facts answering `value(field)` ("" when missing),
`stat(column)`, `kind_total(kind)`, `kind_since(kind, day)`, `date(name)` (None when missing),
`has_tag(name)`, `stage_order_of(slug)` and `.stage_order` (journeys.facts.PersonFacts does).

Import rule: everything public is re-exported here; import from `groundswell.core.criteria`,
never from its modules (`language`: grammar, parser, evaluators; `helpers`: describe, validators).
"""

from .helpers import CriteriaField, describe, set_default_vocabulary, validate_criteria
from .language import (
    MAX_WINDOW,
    NUMBER_OPS,
    AllNode,
    AnyNode,
    Counter,
    CountNode,
    CriteriaError,
    DaysSinceNode,
    Everyone,
    Field,
    FieldNode,
    InSet,
    Moment,
    Node,
    NotNode,
    StageNode,
    TagNode,
    Vocabulary,
    parse,
)

__all__ = [
    "MAX_WINDOW",
    "NUMBER_OPS",
    "AllNode",
    "AnyNode",
    "CountNode",
    "Counter",
    "CriteriaError",
    "CriteriaField",
    "DaysSinceNode",
    "Everyone",
    "Field",
    "FieldNode",
    "InSet",
    "Moment",
    "Node",
    "NotNode",
    "StageNode",
    "TagNode",
    "Vocabulary",
    "describe",
    "parse",
    "set_default_vocabulary",
    "validate_criteria",
]
