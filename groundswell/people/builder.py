"""The segment builder: rows of conditions in a plain form, turned into criteria JSON and back.

It works without JavaScript: "add condition" and "remove" are submit buttons that re-render the
form with one row more or less, keeping what the organiser typed.
"""

import json
import re

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from groundswell.journeys.criteria import CriteriaError, parse_criteria
from groundswell.journeys.kinds import COUNTERS, KINDS

PREFIX = "c"
MAX_ROWS = 20

TYPES = [
    ("", gettext_lazy("Choose a condition")),
    ("count", gettext_lazy("Has done something")),
    ("field", gettext_lazy("Profile field")),
    ("stage_at_least", gettext_lazy("Stage at least")),
    ("tag", gettext_lazy("Has tag")),
    ("days_since", gettext_lazy("Days since")),
]
NUMBER_OPS = [
    ("gte", gettext_lazy("at least")),
    ("gt", gettext_lazy("more than")),
    ("lte", gettext_lazy("at most")),
    ("lt", gettext_lazy("fewer than")),
    ("eq", gettext_lazy("exactly")),
]
FIELD_OPS = [
    ("eq", gettext_lazy("is")),
    ("ne", gettext_lazy("is not")),
    ("in", gettext_lazy("is one of")),
    ("not_in", gettext_lazy("is none of")),
    ("empty", gettext_lazy("is empty")),
    ("not_empty", gettext_lazy("is not empty")),
]
FIELDS = [
    ("country", gettext_lazy("Country (ISO code)")),
    ("language", gettext_lazy("Language")),
    ("region", gettext_lazy("Region")),
    ("locality", gettext_lazy("Locality")),
    ("postal_code", gettext_lazy("Postal code")),
    ("gender", gettext_lazy("Gender")),
    ("source", gettext_lazy("Source")),
    ("stage", gettext_lazy("Stage (slug)")),
]
SINCE = [
    ("last_activity", gettext_lazy("last activity")),
    ("first_activity", gettext_lazy("first activity")),
    ("created", gettext_lazy("joining")),
    ("stage_since", gettext_lazy("reaching their stage")),
]
COMBINE = [
    ("all", gettext_lazy("all of these conditions")),
    ("any", gettext_lazy("any of these conditions")),
]
COUNTER_CHOICES = [("actions", COUNTERS["actions"][1]), *KINDS.items()]
NUMBER_OP_NAMES = {op for op, _label in NUMBER_OPS}
ROW_KEY = re.compile(rf"^{PREFIX}-(?P<index>\d+)-(?P<name>\w+)$")


class ConditionForm(forms.Form):
    """One row. Only the parameters of the chosen type are read; the rest are ignored."""

    type = forms.ChoiceField(
        label=gettext_lazy("Condition"),
        choices=TYPES,
        required=False,
        widget=forms.Select(attrs={"class": "cond-type"}),
    )
    negate = forms.BooleanField(label=gettext_lazy("Not"), required=False)
    counter = forms.ChoiceField(
        label=gettext_lazy("Activity"), choices=COUNTER_CHOICES, required=False
    )
    count_op = forms.ChoiceField(label=gettext_lazy("How many"), choices=NUMBER_OPS, required=False)
    count_n = forms.IntegerField(label=gettext_lazy("Number"), min_value=0, required=False)
    within_days = forms.IntegerField(
        label=gettext_lazy("Within the last days"), min_value=1, required=False
    )
    field = forms.ChoiceField(label=gettext_lazy("Field"), choices=FIELDS, required=False)
    field_op = forms.ChoiceField(label=gettext_lazy("Test"), choices=FIELD_OPS, required=False)
    field_value = forms.CharField(
        label=gettext_lazy("Value"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("Separate several values with commas."),
    )
    stage = forms.ChoiceField(label=gettext_lazy("Stage"), choices=[], required=False)
    tag = forms.CharField(
        label=gettext_lazy("Tag"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"list": "tag-names"}),
    )
    since = forms.ChoiceField(label=gettext_lazy("Days since"), choices=SINCE, required=False)
    since_op = forms.ChoiceField(label=gettext_lazy("Is"), choices=NUMBER_OPS, required=False)
    since_n = forms.IntegerField(label=gettext_lazy("Days"), min_value=0, required=False)

    def __init__(self, *args, stage_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = list(stage_choices)
        self.node = None

    def clean(self):
        data = super().clean()
        kind = data.get("type")
        if not kind:
            return data
        node = getattr(self, f"_node_{kind}")(data)
        if node is not None:
            self.node = {"not": node} if data.get("negate") else node
        return data

    def _require(self, data, *names):
        missing = [name for name in names if data.get(name) in (None, "")]
        for name in missing:
            if name not in self.errors:
                self.add_error(name, _("This field is required for this condition."))
        return not missing

    def _node_count(self, data):
        if not self._require(data, "counter", "count_op", "count_n"):
            return None
        node = {"count": data["counter"], data["count_op"]: data["count_n"]}
        if data.get("within_days"):
            node["within_days"] = data["within_days"]
        return node

    def _node_field(self, data):
        if not self._require(data, "field", "field_op"):
            return None
        name, op = data["field"], data["field_op"]
        if op in {"empty", "not_empty"}:
            return {"field": name, "empty": op == "empty"}
        values = [v.strip() for v in data.get("field_value", "").split(",") if v.strip()]
        if name == "country":
            values = [v.upper() for v in values]
        if not values:
            self.add_error("field_value", _("Give a value to compare with."))
            return None
        if op in {"in", "not_in"}:
            return {"field": name, op: values}
        return {"field": name, op: ", ".join(values)}

    def _node_stage_at_least(self, data):
        if not self._require(data, "stage"):
            return None
        return {"stage_at_least": data["stage"]}

    def _node_tag(self, data):
        if not self._require(data, "tag"):
            return None
        return {"tag": data["tag"].strip()}

    def _node_days_since(self, data):
        if not self._require(data, "since", "since_op", "since_n"):
            return None
        return {"days_since": data["since"], data["since_op"]: data["since_n"]}


ConditionFormSet = formset_factory(
    ConditionForm, extra=0, max_num=MAX_ROWS, absolute_max=MAX_ROWS, validate_max=True
)


class Builder:
    """The builder's state for one request: the rows, the combinator, and the criteria they make."""

    def __init__(self, data=None, *, initial_criteria=None, stage_choices=()):
        self.stage_choices = [("", _("Choose a stage")), *stage_choices]
        self.bound = data is not None and f"{PREFIX}-TOTAL_FORMS" in data
        if self.bound:
            data = edit_rows(data)
            self.combine = data.get("combine") if data.get("combine") in {"all", "any"} else "all"
            self.formset = self._formset(data=data)
        else:
            self.combine, rows = rows_from_criteria(initial_criteria)
            self.formset = self._formset(initial=rows or [{}])
        self.criteria = None
        self.errors = []
        self.combine_choices = COMBINE

    def _formset(self, **kwargs):
        return ConditionFormSet(
            prefix=PREFIX, form_kwargs={"stage_choices": self.stage_choices}, **kwargs
        )

    def build(self):
        """The criteria dict the rows make, or None when a row is incomplete or criteria invalid."""
        if not self.bound or not self.formset.is_valid():
            return None
        nodes = [form.node for form in self.formset.forms if form.node is not None]
        criteria = {} if not nodes else nodes[0] if len(nodes) == 1 else {self.combine: nodes}
        compiled, self.errors = compile_criteria(criteria)
        if compiled is None:
            return None
        self.criteria = compiled.criteria
        return compiled


def edit_rows(data):
    """Apply the "add condition" and "remove" buttons to a copy of the submitted rows."""
    try:
        total = max(0, min(int(data.get(f"{PREFIX}-TOTAL_FORMS", 0)), MAX_ROWS))
    except ValueError:
        total = 0
    rows = [{} for _i in range(total)]
    edited = data.copy()
    for key in list(edited):
        match = ROW_KEY.match(key)
        if match:
            index = int(match["index"])
            if index < total:
                rows[index][match["name"]] = edited.getlist(key)
            del edited[key]
    remove = data.get("remove", "")
    if remove.isdigit() and int(remove) < len(rows):
        del rows[int(remove)]
    if "add" in data and len(rows) < MAX_ROWS:
        rows.append({})
    rows = rows or [{}]
    for index, row in enumerate(rows):
        for name, values in row.items():
            edited.setlist(f"{PREFIX}-{index}-{name}", values)
    edited[f"{PREFIX}-TOTAL_FORMS"] = str(len(rows))
    edited[f"{PREFIX}-INITIAL_FORMS"] = "0"
    return edited


def rows_from_criteria(criteria):
    """("all"|"any", rows) for criteria the builder can show; ("all", []) when it cannot."""
    if not criteria:
        return "all", []
    combine, nodes = "all", [criteria]
    if set(criteria) <= {"all", "any"} and len(criteria) == 1:
        combine, nodes = next(iter(criteria.items()))
        if not isinstance(nodes, list):
            return "all", []
    rows = [row_from_node(node) for node in nodes]
    if not rows or None in rows or len(rows) > MAX_ROWS:
        return "all", []
    return combine, rows


def row_from_node(node):
    """One builder row for a simple condition (optionally negated), or None."""
    if not isinstance(node, dict):
        return None
    if set(node) == {"not"}:
        row = row_from_node(node["not"])
        return row and {**row, "negate": True}
    ops = [op for op in node if op in NUMBER_OP_NAMES]
    if "count" in node and len(ops) == 1 and set(node) <= {"count", "within_days", *ops}:
        return {
            "type": "count",
            "counter": node["count"],
            "count_op": ops[0],
            "count_n": node[ops[0]],
            "within_days": node.get("within_days"),
        }
    if "days_since" in node and len(ops) == 1 and len(node) == 2:
        return {
            "type": "days_since",
            "since": node["days_since"],
            "since_op": ops[0],
            "since_n": node[ops[0]],
        }
    if "field" in node and len(node) == 2:
        return _field_row(node)
    if set(node) == {"stage_at_least"}:
        return {"type": "stage_at_least", "stage": node["stage_at_least"]}
    if set(node) == {"tag"}:
        return {"type": "tag", "tag": node["tag"]}
    return None


def _field_row(node):
    op = next(key for key in node if key != "field")
    value = node[op]
    if op == "empty":
        return {
            "type": "field",
            "field": node["field"],
            "field_op": "empty" if value else "not_empty",
        }
    if op in {"in", "not_in"} and isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    elif op not in {"eq", "ne"}:
        return None
    return {"type": "field", "field": node["field"], "field_op": op, "field_value": str(value)}


def compile_criteria(criteria):
    """(node, []) for valid criteria, (None, translated errors) otherwise."""
    try:
        return parse_criteria(criteria), []
    except CriteriaError as exc:
        return None, list(exc.errors)


def parse_criteria_text(text):
    """(criteria dict, node, errors) for the advanced field's raw JSON."""
    try:
        criteria = json.loads(text)
    except ValueError as exc:
        return None, None, [_("This is not valid JSON: %(error)s") % {"error": exc}]
    node, errors = compile_criteria(criteria)
    return criteria, node, errors


class ListFilter:
    """What the people list was asked for: a search, and criteria from a segment, the advanced
    field or the builder (in that order of precedence). Invalid criteria keep the typed input."""

    def __init__(self, data, *, user, stage_choices=()):
        from .queries import access_segment

        self.search = data.get("q", "").strip()[:200]
        self.segment = None
        self.errors = []
        self.node = None
        self.criteria = None
        self.text = data.get("criteria", "")
        self.advanced = "criteria" in data
        initial = None
        if data.get("segment"):
            self.segment = access_segment(user, data["segment"])
            initial = self.segment.criteria
            self.text = criteria_json(initial)
            self.node, self.errors = compile_criteria(initial)
        elif self.advanced:  # an emptied field means everyone
            initial, self.node, self.errors = parse_criteria_text(self.text.strip() or "{}")
        self.builder = Builder(
            data if initial is None else None,
            initial_criteria=initial if not self.errors else None,
            stage_choices=stage_choices,
        )
        if self.builder.bound:
            self.node = self.builder.build()
        if self.node is not None:
            self.criteria = self.node.criteria
            self.text = criteria_json(self.criteria)

    @property
    def filtering(self):
        """True when some criteria were given (valid or not)."""
        return self.segment is not None or self.builder.bound or self.advanced

    @property
    def valid(self):
        """False when criteria were given but cannot be applied; the page then shows why."""
        return self.node is not None or not self.filtering


def criteria_json(criteria):
    """Criteria as the indented JSON an organiser reads and edits in the advanced field."""
    return json.dumps(criteria, indent=2, ensure_ascii=False)


class SegmentForm(forms.Form):
    """Name a set of criteria to reuse; the criteria arrive as JSON (from the list or typed)."""

    name = forms.CharField(label=gettext_lazy("Segment name"), max_length=120)
    criteria = forms.CharField(
        label=gettext_lazy("Criteria (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_criteria(self):
        _criteria, node, errors = parse_criteria_text(self.cleaned_data["criteria"].strip() or "{}")
        if errors:
            raise forms.ValidationError(errors)
        return node.criteria  # normalised, so a double submit compares equal
