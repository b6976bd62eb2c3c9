"""Criteria for other code: describe, Django validators and form fields."""

from django import forms
from django.core.exceptions import ValidationError

from .language import CriteriaError, Node, parse

_default_vocabulary = None


def set_default_vocabulary(vocabulary):
    """The vocabulary `describe` and `validate_criteria` use when given raw criteria."""
    global _default_vocabulary
    _default_vocabulary = vocabulary


def _vocabulary(vocabulary):
    vocabulary = vocabulary or _default_vocabulary
    if vocabulary is None:
        raise RuntimeError("no criteria vocabulary registered (is groundswell.journeys installed?)")
    return vocabulary


def describe(criteria, vocabulary=None):
    """A short translated sentence saying what `criteria` (a node, a dict or JSON) selects."""
    if not isinstance(criteria, Node):
        criteria = parse(criteria, _vocabulary(vocabulary))
    return criteria.describe()


def validate_criteria(value, vocabulary=None):
    """A Django validator: raises ValidationError with one message per problem."""
    try:
        parse(value, _vocabulary(vocabulary))
    except CriteriaError as exc:
        raise ValidationError(
            [ValidationError(message, code="criteria") for message in exc.errors]
        ) from None


class CriteriaField(forms.JSONField):
    """A JSON text area whose value must be valid criteria; `{}` (everyone) is a valid value."""

    def __init__(self, *, vocabulary=None, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.vocabulary = vocabulary

    def to_python(self, value):
        value = super().to_python(value)
        return {} if value is None else value

    def validate(self, value):
        super().validate(value)
        validate_criteria(value, self.vocabulary)
