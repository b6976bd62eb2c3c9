"""The grammar, its parser and the two evaluators (see the package docstring)."""

import contextlib
import json
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from functools import reduce

from django.db.models import BigIntegerField, BooleanField, Count, Expression, F, Q, Subquery, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce
from django.db.models.lookups import Exact, GreaterThanOrEqual, LessThan
from django.utils import timezone
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_DEPTH = 8
MAX_NODES = 200
MAX_VALUES = 500
MAX_TEXT = 200
MAX_COUNT = 1_000_000
MAX_WINDOW = 365
MAX_DAYS = 36_500
NUMBER_OPS = dict(gte=operator.ge, gt=operator.gt, lte=operator.le, lt=operator.lt, eq=operator.eq)
FIELD_OPS = ("eq", "ne", "in", "not_in", "empty")
NODE_KEYS = ("all", "any", "not", "count", "field", "stage_at_least", "tag", "days_since")
_NO_STAGE = 2**31  # the order of a stage that does not exist: nobody is at or above it


class CriteriaError(ValueError):
    """Criteria that do not validate; `.errors` lists translated messages, each naming its path."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("; ".join(self.errors))


# --- The vocabulary an app supplies ---------------------------------------------------------


@dataclass(frozen=True)
class Counter:
    kinds: frozenset
    label: str = ""
    column: str | None = None  # a stats column holding the lifetime count, else sum `counts`


@dataclass(frozen=True)
class Field:
    label: str
    lookup: str  # from the person, or from the stats row when on_stats
    on_stats: bool = False
    clean: Callable | None = None  # value -> normalised value; raises ValueError(message)
    display: Callable | None = None  # value -> what people read


@dataclass(frozen=True)
class Moment:
    label: str
    lookup: str
    on_stats: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """What criteria may name, and where it lives. Every model below has a foreign key `subject`
    to the person; the stats model's primary key is that key (one row per person at most)."""

    counters: Mapping[str, Counter]
    fields: Mapping[str, Field]
    dates: Mapping[str, Moment]
    activity_model: type
    stats_model: type
    tagging_model: type
    stage_model: type
    clean_stage: Callable  # slug -> slug; raises ValueError(message) for an unknown stage
    stage_label: Callable = str
    subject: str = "person"
    kind_field: str = "kind"
    time_field: str = "occurred_at"
    counts_field: str = "counts"
    tag_lookup: str = "tag__name"
    stage_fk: str = "stage"  # on the stats model; the stage model has `slug` and `order`

    def count(self, facts, counter, within_days=None, now=None):
        """How many `counter` activities `facts` shows (in the window), as both evaluators count."""
        return CountNode(self, counter, "gte", 0, within_days).value(facts, _Ctx(self, now))


# --- Parsing and validation ------------------------------------------------------------------


def parse(data, vocabulary):
    """A node for criteria as a dict or JSON text; raises CriteriaError naming every problem."""
    if isinstance(data, Node):
        return data
    if isinstance(data, str | bytes):
        try:
            data = json.loads(data)
        except ValueError:
            raise CriteriaError([_("criteria: this is not valid JSON.")]) from None
    parser, node = _Parser(vocabulary), None
    with contextlib.suppress(_TooBig):  # reported as an error already
        node = parser.node(data, "", 1)
    if parser.errors:
        raise CriteriaError(parser.errors)
    return node


class _TooBig(Exception):
    pass


def _join(path, key):
    return f"{path}.{key}" if path else key


class _Parser:
    def __init__(self, vocabulary):
        self.vocabulary, self.errors, self.size = vocabulary, [], 0

    def error(self, path, message):
        """Record a problem at `path`; returns None, what a parse step returns on failure."""
        self.errors.append(f"{path or 'criteria'}: {message}")

    def node(self, data, path, depth):
        self.size += 1
        if self.size > MAX_NODES:
            self.error("", _("too many conditions (at most %(max)d).") % {"max": MAX_NODES})
            raise _TooBig
        if depth > MAX_DEPTH:
            self.error(path, _("nested too deeply (at most %(max)d levels).") % {"max": MAX_DEPTH})
            return None
        if not isinstance(data, dict):
            return self.error(path, _("a condition must be a JSON object."))
        if not data:
            return Everyone(self.vocabulary)
        kinds = [key for key in data if key in NODE_KEYS]
        if len(kinds) != 1:
            if kinds:
                self.error(
                    path,
                    _("give one condition per object, not %(keys)s.") % {"keys": ", ".join(kinds)},
                )
            for key in data:
                if key not in NODE_KEYS:
                    return self.error(_join(path, key), _("unknown key “%(key)s”.") % {"key": key})
        return getattr(self, f"parse_{kinds[0]}")(data, path, depth)

    def keys(self, data, path, allowed):
        """Report every key of `data` outside `allowed`."""
        for key in data:
            if key not in allowed:
                self.error(_join(path, key), _("unknown key “%(key)s”.") % {"key": key})

    def one_op(self, data, path, ops):
        found = [op for op in ops if op in data]
        if len(found) != 1:
            return self.error(
                path, _("give exactly one comparison among %(ops)s.") % {"ops": ", ".join(ops)}
            )
        return found[0]

    def compared(self, data, path, high):
        op = self.one_op(data, path, tuple(NUMBER_OPS))
        return op, op and self.number(data[op], _join(path, op), 0, high)

    def number(self, value, path, low, high):
        if isinstance(value, bool) or not isinstance(value, int):
            return self.error(path, _("must be a whole number."))
        if not low <= value <= high:
            self.error(
                path, _("must be between %(low)d and %(high)d.") % {"low": low, "high": high}
            )
            return None
        return value

    def text(self, value, path, clean=None):
        if not isinstance(value, str) or not value:
            return self.error(path, _("must be non-empty text (use “empty” to test for a blank)."))
        if len(value) > MAX_TEXT or "\x00" in value:
            return self.error(
                path, _("must be at most %(max)d characters of text.") % {"max": MAX_TEXT}
            )
        if clean is None:
            return value
        try:
            return clean(value)
        except ValueError as exc:
            return self.error(path, str(exc))

    def children(self, data, path, depth, key):
        items = data[key]
        self.keys(data, path, {key})
        if not isinstance(items, list):
            return self.error(_join(path, key), _("must be a list of conditions."))
        return [
            self.node(item, f"{_join(path, key)}[{i}]", depth + 1) for i, item in enumerate(items)
        ]

    def parse_all(self, data, path, depth):
        nodes = self.children(data, path, depth, "all")
        return None if nodes is None or None in nodes else AllNode(self.vocabulary, nodes)

    def parse_any(self, data, path, depth):
        nodes = self.children(data, path, depth, "any")
        return None if nodes is None or None in nodes else AnyNode(self.vocabulary, nodes)

    def parse_not(self, data, path, depth):
        self.keys(data, path, {"not"})
        child = self.node(data["not"], _join(path, "not"), depth + 1)
        return None if child is None else NotNode(self.vocabulary, child)

    def parse_count(self, data, path, depth):
        self.keys(data, path, {"count", "within_days", *NUMBER_OPS})
        counter, ok = data["count"], True
        if not isinstance(counter, str) or counter not in self.vocabulary.counters:
            self.error(_join(path, "count"), _("unknown counter “%(name)s”.") % {"name": counter})
            ok = False
        op, n = self.compared(data, path, MAX_COUNT)
        days = data.get("within_days")
        if days is not None:
            days = self.number(days, _join(path, "within_days"), 1, MAX_WINDOW)
            ok = ok and days is not None
        if not ok or op is None or n is None:
            return None
        return CountNode(self.vocabulary, counter, op, n, days)

    def parse_field(self, data, path, depth):
        self.keys(data, path, {"field", *FIELD_OPS})
        name = data["field"]
        spec = self.vocabulary.fields.get(name) if isinstance(name, str) else None
        if spec is None:
            self.error(_join(path, "field"), _("unknown field “%(name)s”.") % {"name": name})
        op = self.one_op(data, path, FIELD_OPS)
        if spec is None or op is None:
            return None
        value, where = data[op], _join(path, op)
        if op == "empty":
            if not isinstance(value, bool):
                return self.error(where, _("must be true or false."))
        elif op in ("in", "not_in"):
            if not isinstance(value, list) or len(value) > MAX_VALUES:
                return self.error(
                    where, _("must be a list of at most %(max)d values.") % {"max": MAX_VALUES}
                )
            value = [self.text(v, f"{where}[{i}]", spec.clean) for i, v in enumerate(value)]
            if None in value:
                return None
            value = sorted(set(value))
        else:
            value = self.text(value, where, spec.clean)
            if value is None:
                return None
        return FieldNode(self.vocabulary, name, op, value)

    def parse_stage_at_least(self, data, path, depth):
        self.keys(data, path, {"stage_at_least"})
        slug = self.text(
            data["stage_at_least"], _join(path, "stage_at_least"), self.vocabulary.clean_stage
        )
        return None if slug is None else StageNode(self.vocabulary, slug)

    def parse_tag(self, data, path, depth):
        self.keys(data, path, {"tag"})
        name = self.text(data["tag"], _join(path, "tag"))
        return None if name is None else TagNode(self.vocabulary, name)

    def parse_days_since(self, data, path, depth):
        self.keys(data, path, {"days_since", *NUMBER_OPS})
        name = data["days_since"]
        known = isinstance(name, str) and name in self.vocabulary.dates
        if not known:
            self.error(_join(path, "days_since"), _("unknown date “%(name)s”.") % {"name": name})
        op, n = self.compared(data, path, MAX_DAYS)
        if not known or op is None or n is None:
            return None
        return DaysSinceNode(self.vocabulary, name, op, n)


# --- Evaluation context and SQL helpers -----------------------------------------------------


class _Ctx:
    """One evaluation: the instant, today's UTC date, and whether Qs run over the stats model."""

    __slots__ = ("vocabulary", "now", "today", "on_stats", "scope")

    def __init__(self, vocabulary, now=None, *, on_stats=False, scope=None):
        now = now or timezone.now()
        if timezone.is_naive(now):
            raise ValueError("criteria need an aware datetime for `now`")
        self.vocabulary, self.now, self.on_stats = vocabulary, now, on_stats
        self.today = now.astimezone(UTC).date()
        # A Q over rows that point at a person ("person__country__in"): conditions that every
        # result must meet anyway, pushed into windowed counts so they group only those people.
        self.scope = scope

    def within(self, rows):
        """`rows` (of a model with a person foreign key) restricted to the scope, if any."""
        return rows if self.scope is None else rows.filter(self.scope)

    def narrowed(self, parts):
        """This evaluation with `parts` (Qs on person__ lookups) added to the scope."""
        if not parts:
            return self
        scope = reduce(operator.and_, parts if self.scope is None else [self.scope, *parts])
        return _Ctx(self.vocabulary, self.now, on_stats=self.on_stats, scope=scope)

    def midnight(self, days_ago):
        """Midnight UTC that starts the day `days_ago` days before today."""
        return datetime.combine(self.today - timedelta(days=days_ago), time.min, tzinfo=UTC)

    def person(self, lookup):
        """`lookup` on the person, from the queryset's model."""
        return f"{self.vocabulary.subject}__{lookup}" if self.on_stats else lookup


# What _q returns for "everyone" and "no one": Q() would vanish from `|` and from `~`.
_ALL, _NONE = "everyone", "no one"


class InSet(Expression):
    """`pk IN (ids)` or its complement, written so each database runs it as a set operation.

    SQLite builds the subquery once either way. PostgreSQL gets (NOT) EXISTS over the subquery
    as a derived table, which it plans as a hash semi- or anti-join: NOT IN falls back to a
    per-row scan of the whole set once the set outgrows work_mem. `hashed=True` keeps IN /
    NOT IN for contexts no join can reach (CASE in a bulk UPDATE), with work_mem raised."""

    conditional = True

    def __init__(self, ids, *, negated=False, hashed=False):
        super().__init__(output_field=BooleanField())
        self.subject, self.ids = F("pk"), Subquery(ids)
        self.negated, self.hashed = negated, hashed

    def get_source_expressions(self):
        return [self.subject, self.ids]

    def set_source_expressions(self, exprs):
        self.subject, self.ids = exprs

    def as_sql(self, compiler, connection, exists=False):
        subject, subject_params = compiler.compile(self.subject)
        ids, ids_params = compiler.compile(self.ids)
        negation = "NOT " if self.negated else ""
        if not exists:
            return f"{subject} {negation}IN {ids}", (*subject_params, *ids_params)
        sql = f"{negation}EXISTS (SELECT 1 FROM {ids} AS criteria_set (id)"  # noqa: S608
        return f"{sql} WHERE criteria_set.id = {subject})", (*ids_params, *subject_params)

    def as_postgresql(self, compiler, connection):
        return self.as_sql(compiler, connection, exists=not self.hashed)


def _member(ctx, ids, negated):
    return Q(InSet(ids, negated=negated, hashed=ctx.on_stats))


def _on_stats(ctx, pos, neg, missing, negated):
    """A condition on the stats row. `pos` and `neg` are Qs over the stats model, `missing` says
    whether `pos` holds for someone without a stats row (zero counts, no stage, no dates)."""
    q, holds = (neg, not missing) if negated else (pos, missing)
    if ctx.on_stats:
        return q
    rows = ctx.within(
        ctx.vocabulary.stats_model._base_manager.values(f"{ctx.vocabulary.subject}_id")
    )
    if holds:  # true for the absent too: exclude those for whom the opposite holds
        return _member(ctx, rows.filter(pos if negated else neg), True)
    return _member(ctx, rows.filter(q), False)


# --- Nodes -------------------------------------------------------------------------------------


class Node:
    """A parsed condition; build with parse(). `.criteria` is its normalised JSON form."""

    fields = ()

    def __init__(self, vocabulary, *values):
        self.vocabulary = vocabulary
        for name, value in zip(self.fields, values, strict=True):
            setattr(self, name, value)

    def matches(self, facts, now=None):
        """Whether one person's facts satisfy the criteria at `now`."""
        return self._match(facts, _Ctx(self.vocabulary, now))

    def to_q(self, now=None):
        """A Q for a queryset over people, true for exactly those `matches` accepts."""
        return self._finish(self._q(_Ctx(self.vocabulary, now), False))

    def to_stats_q(self, now=None):
        """The same condition for a queryset over the stats model (every row has stats), with set
        memberships as IN lists that PostgreSQL hashes: for CASE in bulk updates."""
        return self._finish(self._q(_Ctx(self.vocabulary, now, on_stats=True), False))

    @staticmethod
    def _finish(result):
        if result is _ALL:
            return Q(pk__isnull=False)
        if result is _NONE:
            return Q(pk__in=[])
        return result

    def describe(self):
        return capfirst(self._describe())

    def __repr__(self):
        return f"<{type(self).__name__} {json.dumps(self.criteria)}>"

    def __eq__(self, other):
        return isinstance(other, Node) and self.criteria == other.criteria

    __hash__ = None


class Everyone(Node):
    criteria = property(lambda self: {})

    def _match(self, facts, ctx):
        return True

    def _q(self, ctx, negated):
        return _NONE if negated else _ALL

    def _describe(self):
        return _("everyone")


class _Group(Node):
    key, fields = "", ("children",)
    criteria = property(lambda self: {self.key: [child.criteria for child in self.children]})

    def _q(self, ctx, negated):
        conjunction = (self.key == "all") != negated  # De Morgan: not(any) is all(not)
        absorbing, neutral = (_NONE, _ALL) if conjunction else (_ALL, _NONE)
        if conjunction:
            # Every person in the result meets the plain field conditions, so a set below can be
            # restricted to them: "FR and 2+ actions in 90 days" groups only French activities.
            ctx = ctx.narrowed(self._person_scope(ctx, negated))
        parts = [child._q(ctx, negated) for child in self.children]
        if absorbing in parts:
            return absorbing
        qs = [part for part in parts if part is not neutral]
        if not qs:
            return neutral
        return reduce(operator.and_ if conjunction else operator.or_, qs)

    def _person_scope(self, ctx, negated):
        joined = _Ctx(self.vocabulary, ctx.now, on_stats=True)  # lookups through "person__"
        parts = []
        for child in self.children:
            if isinstance(child, FieldNode) and not self.vocabulary.fields[child.field].on_stats:
                part = child._q(joined, negated)
                if isinstance(part, Q):
                    parts.append(part)
        return parts

    def _describe(self):
        if not self.children:
            return _("everyone") if self.key == "all" else _("no one")
        parts = [child._describe() for child in self.children]
        parts = [
            f"({p})" if isinstance(c, _Group) and len(c.children) > 1 else p
            for c, p in zip(self.children, parts, strict=True)
        ]
        return get_text_list(parts, _("and") if self.key == "all" else _("or"))


class AllNode(_Group):
    key = "all"

    def _match(self, facts, ctx):
        return all(child._match(facts, ctx) for child in self.children)


class AnyNode(_Group):
    key = "any"

    def _match(self, facts, ctx):
        return any(child._match(facts, ctx) for child in self.children)


class NotNode(Node):
    fields = ("child",)
    criteria = property(lambda self: {"not": self.child.criteria})

    def _match(self, facts, ctx):
        return not self.child._match(facts, ctx)

    def _q(self, ctx, negated):
        return self.child._q(ctx, not negated)

    def _describe(self):
        return _("not (%(condition)s)") % {"condition": self.child._describe()}


def _count_shape(op, n):
    """The set of counts `op n` accepts, as ("all"|"none",) or (mode, k, positive) with k >= 1:
    "at least k" or "exactly k", or their complement when not positive."""
    if op == "gt":
        op, n = "gte", n + 1
    elif op == "lte":
        op, n = "lt", n + 1
    if op == "gte":
        return (_ALL,) if n <= 0 else ("at_least", n, True)
    if op == "lt":
        return (_NONE,) if n <= 0 else ("at_least", n, False)
    return ("at_least", 1, False) if n == 0 else ("exactly", n, True)


class CountNode(Node):
    fields = ("counter", "op", "n", "within_days")

    @property
    def criteria(self):
        data = {"count": self.counter, self.op: self.n}
        if self.within_days:
            data["within_days"] = self.within_days
        return data

    def value(self, facts, ctx):
        spec = self.vocabulary.counters[self.counter]
        if self.within_days:
            day = ctx.midnight(self.within_days - 1).date()
            return sum(facts.kind_since(kind, day) for kind in spec.kinds)
        if spec.column:
            return facts.stat(spec.column)
        return sum(facts.kind_total(kind) for kind in spec.kinds)

    def _match(self, facts, ctx):
        return NUMBER_OPS[self.op](self.value(facts, ctx), self.n)

    def _q(self, ctx, negated):
        shape = _count_shape(self.op, self.n)
        if len(shape) == 1:
            return {_ALL: _NONE, _NONE: _ALL}[shape[0]] if negated else shape[0]
        mode, k, positive = shape
        if self.within_days:
            return _member(ctx, self._activity_ids(ctx, mode, k), negated == positive)
        value = self._lifetime()
        if isinstance(value, str):
            pos = Q(**{value: k}) if mode == "exactly" else Q(**{f"{value}__gte": k})
            neg = ~Q(**{value: k}) if mode == "exactly" else Q(**{f"{value}__lt": k})
        else:
            pos = Q(Exact(value, k)) if mode == "exactly" else Q(GreaterThanOrEqual(value, k))
            neg = ~pos if mode == "exactly" else Q(LessThan(value, k))
        return _on_stats(ctx, pos, neg, False, negated == positive)

    def _lifetime(self):
        """The stats column name, or an expression summing the per-kind JSON counts."""
        spec, vocabulary = self.vocabulary.counters[self.counter], self.vocabulary
        if spec.column:
            return spec.column
        terms = [
            Coalesce(Cast(KT(f"{vocabulary.counts_field}__{kind}"), BigIntegerField()), Value(0))
            for kind in sorted(spec.kinds)
        ]
        return reduce(operator.add, terms)

    def _activity_ids(self, ctx, mode, k):
        """One grouped pass over the (kind, time, person) index: who has `mode` k in the window."""
        vocabulary = self.vocabulary
        subject = f"{vocabulary.subject}_id"
        rows = vocabulary.activity_model._base_manager.filter(
            **{
                f"{vocabulary.kind_field}__in": sorted(vocabulary.counters[self.counter].kinds),
                f"{vocabulary.time_field}__gte": ctx.midnight(self.within_days - 1),
            }
        )
        rows = ctx.within(rows).values(subject)
        if mode == "at_least" and k == 1:
            return rows
        grouped = rows.order_by().annotate(criteria_n=Count("*"))
        lookup = "criteria_n__gte" if mode == "at_least" else "criteria_n"
        return grouped.filter(**{lookup: k}).values(subject)

    def _describe(self):
        label = self.vocabulary.counters[self.counter].label or self.counter
        text = _number_phrase(self.op, self.n)
        if self.within_days:
            text = ngettext(
                "%(count)s in the last day", "%(count)s in the last %(days)d days", self.within_days
            ) % {"count": text, "days": self.within_days}
        return _("%(what)s: %(count)s") % {"what": label, "count": text}


def _number_phrase(op, n):
    return {
        "gte": _("at least %(n)d"),
        "gt": _("more than %(n)d"),
        "lte": _("at most %(n)d"),
        "lt": _("fewer than %(n)d"),
        "eq": _("exactly %(n)d"),
    }[op] % {"n": n}


class FieldNode(Node):
    fields = ("field", "op", "value")

    criteria = property(lambda self: {"field": self.field, self.op: self.value})

    def _match(self, facts, ctx):
        value = facts.value(self.field) or ""
        if self.op == "eq":
            return value == self.value
        if self.op == "ne":
            return value != self.value
        if self.op == "in":
            return value in self.value
        if self.op == "not_in":
            return value not in self.value
        return (value == "") == self.value

    def _q(self, ctx, negated):
        spec = self.vocabulary.fields[self.field]
        op, positive = self.op, self.op in ("eq", "in")
        if op in ("in", "not_in") and not self.value:
            return _ALL if negated == positive else _NONE
        lookup = spec.lookup if spec.on_stats else ctx.person(spec.lookup)
        if op in ("eq", "ne"):
            pos = Q(**{lookup: self.value})
        elif op in ("in", "not_in"):
            pos = Q(**{f"{lookup}__in": self.value})
        else:
            pos, positive = Q(**{lookup: ""}), self.value
            if spec.on_stats:
                pos |= Q(**{f"{lookup}__isnull": True})
        negated = negated == positive
        if spec.on_stats:
            return _on_stats(ctx, pos, ~pos, op == "empty", negated)
        return ~pos if negated else pos

    def _describe(self):
        spec = self.vocabulary.fields[self.field]
        show = spec.display or str
        what = {"field": spec.label}
        if self.op == "empty":
            return (_("%(field)s is empty") if self.value else _("%(field)s is not empty")) % what
        if self.op in ("in", "not_in"):
            values = get_text_list([str(show(v)) for v in self.value], _("or"))
            text = (
                _("%(field)s is one of %(values)s")
                if self.op == "in"
                else _("%(field)s is none of %(values)s")
            )
            return text % {**what, "values": values}
        text = _("%(field)s is %(value)s") if self.op == "eq" else _("%(field)s is not %(value)s")
        return text % {**what, "value": show(self.value)}


class StageNode(Node):
    fields = ("slug",)

    criteria = property(lambda self: {"stage_at_least": self.slug})

    def _match(self, facts, ctx):
        order, target = facts.stage_order, facts.stage_order_of(self.slug)
        return order is not None and target is not None and order >= target

    def _q(self, ctx, negated):
        vocabulary = self.vocabulary
        stages = vocabulary.stage_model._base_manager.filter(slug=self.slug).order_by()
        target = Coalesce(Subquery(stages.values("order")[:1]), Value(_NO_STAGE))
        pos = Q(**{f"{vocabulary.stage_fk}__order__gte": target})
        return _on_stats(ctx, pos, ~pos, False, negated)

    def _describe(self):
        return _("at stage %(stage)s or above") % {"stage": self.vocabulary.stage_label(self.slug)}


class TagNode(Node):
    fields = ("name",)

    criteria = property(lambda self: {"tag": self.name})

    def _match(self, facts, ctx):
        return facts.has_tag(self.name)

    def _q(self, ctx, negated):
        vocabulary = self.vocabulary
        ids = vocabulary.tagging_model._base_manager.filter(**{vocabulary.tag_lookup: self.name})
        return _member(ctx, ctx.within(ids).values(f"{vocabulary.subject}_id"), negated)

    def _describe(self):
        return _("tagged “%(tag)s”") % {"tag": self.name}


class DaysSinceNode(Node):
    fields = ("date", "op", "n")

    criteria = property(lambda self: {"days_since": self.date, self.op: self.n})

    def _match(self, facts, ctx):
        moment = facts.date(self.date)
        if moment is None:  # never: infinitely long ago
            return self.op in ("gte", "gt")
        days = (ctx.today - moment.astimezone(UTC).date()).days
        return NUMBER_OPS[self.op](days, self.n)

    def _bounds(self, ctx):
        """(lower, upper, includes missing): days_since op n <=> lower <= date < upper."""
        n, at = self.n, ctx.midnight
        return {
            "gte": (None, at(n - 1), True),
            "gt": (None, at(n), True),
            "lte": (at(n), None, False),
            "lt": (at(n - 1), None, False),
            "eq": (at(n), at(n - 1), False),
        }[self.op]

    def _q(self, ctx, negated):
        spec = self.vocabulary.dates[self.date]
        lookup = spec.lookup if spec.on_stats else ctx.person(spec.lookup)
        lower, upper, missing = self._bounds(ctx)
        inside, outside = [], [Q(**{f"{lookup}__isnull": True})] if not missing else []
        if lower:
            inside.append(Q(**{f"{lookup}__gte": lower}))
            outside.append(Q(**{f"{lookup}__lt": lower}))
        if upper:
            inside.append(Q(**{f"{lookup}__lt": upper}))
            outside.append(Q(**{f"{lookup}__gte": upper}))
        pos = reduce(operator.and_, inside)
        if missing:
            pos |= Q(**{f"{lookup}__isnull": True})
        neg = reduce(operator.or_, outside)
        if spec.on_stats:
            return _on_stats(ctx, pos, neg, missing, negated)
        return neg if negated else pos

    def _describe(self):
        what = {
            "what": self.vocabulary.dates[self.date].label,
            "count": _number_phrase(self.op, self.n),
        }
        return (
            ngettext("%(count)s day since %(what)s", "%(count)s days since %(what)s", self.n) % what
        )
