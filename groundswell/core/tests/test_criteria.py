"""Validating criteria before anything reaches SQL, and saying what they mean."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from groundswell.core.criteria import CriteriaError, describe
from groundswell.journeys.criteria import CriteriaField, parse_criteria, validate_criteria


def errors_of(data):
    with pytest.raises(CriteriaError) as caught:
        parse_criteria(data)
    return caught.value.errors


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"all": [{}, {"count": "foo", "gte": 1}]}, "all[1].count: unknown counter “foo”."),
        ({"count": "actions", "gte": -1}, "gte: must be between 0 and 1000000."),
        ({"count": "actions", "gte": 10**9}, "gte: must be between 0 and 1000000."),
        ({"count": "actions", "gte": "2"}, "gte: must be a whole number."),
        ({"count": "actions", "gte": True}, "gte: must be a whole number."),
        ({"count": "actions", "gte": 1.5}, "gte: must be a whole number."),
        (
            {"count": "actions", "gte": 1, "within_days": 0},
            "within_days: must be between 1 and 365.",
        ),
        (
            {"count": "actions", "gte": 1, "within_days": 366},
            "within_days: must be between 1 and 365.",
        ),
        ({"count": "actions"}, "criteria: give exactly one comparison among gte, gt, lte, lt, eq."),
        ({"not": {"count": "actions", "gte": 1, "lte": 3}}, "not: give exactly one comparison"),
        ({"count": "actions", "gte": 1, "often": True}, "often: unknown key “often”."),
        ({"any": [{"hello": 1}]}, "any[0].hello: unknown key “hello”."),
        ({"any": [{"tag": "a", "count": "actions"}]}, "any[0]: give one condition per object"),
        ({"all": {"tag": "a"}}, "all: must be a list of conditions."),
        ({"all": [3]}, "all[0]: a condition must be a JSON object."),
        ([], "criteria: a condition must be a JSON object."),
        ("{nope", "criteria: this is not valid JSON."),
        ({"field": "shoe_size", "eq": "42"}, "field: unknown field “shoe_size”."),
        ({"field": "country", "eq": "XX"}, "eq: unknown country “XX”"),
        ({"field": "country", "in": ["FR", "ZZ"]}, "in[1]: unknown country “ZZ”"),
        ({"field": "country", "in": "FR"}, "in: must be a list of at most 500 values."),
        ({"field": "language", "eq": "de"}, "eq: unknown language “de”."),
        ({"field": "gender", "ne": "robot"}, "ne: unknown gender option “robot”."),
        ({"field": "region", "eq": ""}, "eq: must be non-empty text"),
        ({"field": "postal_code", "eq": "1" * 21}, "eq: must be at most 20 characters."),
        ({"field": "region", "empty": "yes"}, "empty: must be true or false."),
        ({"field": "stage", "eq": "astronaut"}, "eq: unknown stage “astronaut”."),
        ({"stage_at_least": "astronaut"}, "stage_at_least: unknown stage “astronaut”."),
        ({"tag": ""}, "tag: must be non-empty text"),
        ({"tag": 7}, "tag: must be non-empty text"),
        ({"days_since": "birthday", "gte": 3}, "days_since: unknown date “birthday”."),
        ({"days_since": "created", "gte": 40000}, "gte: must be between 0 and 36500."),
    ],
)
def test_invalid_criteria_are_refused_with_a_message_naming_the_path(db, data, error):
    assert any(message.startswith(error) for message in errors_of(data)), errors_of(data)


def test_every_problem_is_listed_not_only_the_first(db):
    errors = errors_of(
        {"all": [{"count": "foo", "gte": -1}, {"tag": ""}, {"field": "country", "eq": "XX"}]}
    )

    assert [error.split(":")[0] for error in errors] == [
        "all[0].count",
        "all[0].gte",
        "all[1].tag",
        "all[2].eq",
    ]


def test_criteria_nested_too_deeply_are_refused(db):
    data = {"tag": "a"}
    for _level in range(8):
        data = {"not": data}

    assert errors_of(data) == [
        "not.not.not.not.not.not.not.not: nested too deeply (at most 8 levels)."
    ]


def test_criteria_with_too_many_conditions_are_refused(db):
    errors = errors_of({"any": [{"tag": str(n)} for n in range(250)]})

    assert errors == ["criteria: too many conditions (at most 200)."]


def test_a_criteria_error_is_a_value_error_carrying_its_messages(db):
    with pytest.raises(ValueError, match="unknown counter"):
        parse_criteria({"count": "foo", "gte": 1})


def test_criteria_are_normalised(db):
    node = parse_criteria('{"field": "country", "in": ["fr", "SN", "FR"]}')

    assert node.criteria == {"field": "country", "in": ["FR", "SN"]}
    assert parse_criteria(node) is node


def test_the_validator_and_form_field_report_every_message(db):
    with pytest.raises(ValidationError) as caught:
        validate_criteria({"all": [{"tag": ""}, {"count": "foo", "gte": 1}]})
    assert len(caught.value.messages) == 2

    class RuleForm(forms.Form):
        rule = CriteriaField()

    assert RuleForm({"rule": "{}"}).is_valid()
    assert RuleForm({"rule": ""}).is_valid()
    form = RuleForm({"rule": '{"days_since": "created", "gte": -1}'})
    assert not form.is_valid()
    assert form.errors["rule"] == ["gte: must be between 0 and 36500."]


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        ({}, "Everyone"),
        ({"any": []}, "No one"),
        (
            {
                "all": [
                    {"field": "country", "eq": "FR"},
                    {"count": "actions", "gte": 2, "within_days": 90},
                    {"not": {"count": "event_attended", "gte": 1}},
                ]
            },
            "Country is France, Actions taken: at least 2 in the last 90 days and "
            "not (Attended an event: at least 1)",
        ),
        (
            {
                "any": [
                    {"tag": "volunteer"},
                    {"all": [{"stage_at_least": "sustaining"}, {"field": "region", "empty": True}]},
                ]
            },
            "Tagged “volunteer” or (at stage Sustaining or above and region is empty)",
        ),
        ({"field": "language", "in": ["es", "fr"]}, "Language is one of Spanish or French"),
        ({"days_since": "last_activity", "gt": 1}, "More than 1 day since the last activity"),
        (
            {"count": "recruited", "lt": 3, "within_days": 1},
            "Recruited someone: fewer than 3 in the last day",
        ),
    ],
)
def test_describe_says_whom_criteria_select_in_a_sentence(db, data, sentence):
    assert describe(data) == sentence
