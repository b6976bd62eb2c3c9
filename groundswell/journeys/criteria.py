"""The criteria language bound to our people: counters from kinds.py, profile fields, the Activity
and PersonStats models, and the ladder's stages. Everyone else imports criteria from here.

    node = parse_criteria({"all": [{"field": "country", "eq": "FR"},
                                   {"count": "actions", "gte": 2, "within_days": 90}]})
    Person.objects.filter(node.to_q())      # a whole population, in SQL
    node.matches(PersonFacts.load(pk))      # one person, in Python; both always agree
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from groundswell.core import criteria as core
from groundswell.core.criteria import CriteriaError  # noqa: F401 - re-exported
from groundswell.people.models import GENDERS, Tagging

from .kinds import COLUMN_COUNTERS, COUNTERS
from .models import Activity, PersonStats, Stage

__all__ = [
    "VOCABULARY",
    "CriteriaError",
    "CriteriaField",
    "describe",
    "parse_criteria",
    "validate_criteria",
]


def _clean_country(value):
    code = value.strip().upper()
    if len(code) != 2 or countries.alpha2(code) != code:
        raise ValueError(
            _("unknown country “%(code)s” (use a two-letter ISO 3166 code).") % {"code": value}
        )
    return code


def _clean_language(value):
    if value not in dict(settings.LANGUAGES):
        raise ValueError(_("unknown language “%(code)s”.") % {"code": value})
    return value


def _clean_gender(value):
    if value not in dict(GENDERS):
        raise ValueError(_("unknown gender option “%(value)s”.") % {"value": value})
    return value


def _clean_stage(value):
    if not Stage.objects.filter(slug=value).exists():
        raise ValueError(_("unknown stage “%(slug)s”.") % {"slug": value})
    return value


def _stage_label(slug):
    stage = Stage.objects.filter(slug=slug).first()
    return stage.display_name if stage else slug


def _text(max_length):
    def clean(value):
        if len(value) > max_length:
            raise ValueError(_("must be at most %(max)d characters.") % {"max": max_length})
        return value

    return clean


VOCABULARY = core.Vocabulary(
    counters={
        name: core.Counter(kinds, label, COLUMN_COUNTERS.get(name))
        for name, (kinds, label) in COUNTERS.items()
    },
    fields={
        "country": core.Field(
            gettext_lazy("country"), "country", clean=_clean_country, display=countries.name
        ),
        "language": core.Field(
            gettext_lazy("language"),
            "language",
            clean=_clean_language,
            display=lambda code: dict(settings.LANGUAGES).get(code, code),
        ),
        "region": core.Field(gettext_lazy("region"), "region", clean=_text(100)),
        "locality": core.Field(gettext_lazy("locality"), "locality", clean=_text(100)),
        "postal_code": core.Field(gettext_lazy("postal code"), "postal_code", clean=_text(20)),
        "gender": core.Field(
            gettext_lazy("gender"),
            "gender",
            clean=_clean_gender,
            display=lambda value: dict(GENDERS).get(value, value),
        ),
        "source": core.Field(gettext_lazy("source"), "source", clean=_text(100)),
        "stage": core.Field(
            gettext_lazy("stage"),
            "stage__slug",
            on_stats=True,
            clean=_clean_stage,
            display=_stage_label,
        ),
    },
    dates={
        "last_activity": core.Moment(
            gettext_lazy("the last activity"), "last_activity_at", on_stats=True
        ),
        "first_activity": core.Moment(
            gettext_lazy("the first activity"), "first_activity_at", on_stats=True
        ),
        "created": core.Moment(gettext_lazy("joining"), "created_at"),
        "stage_since": core.Moment(
            gettext_lazy("reaching their stage"), "stage_since", on_stats=True
        ),
    },
    activity_model=Activity,
    stats_model=PersonStats,
    tagging_model=Tagging,
    stage_model=Stage,
    clean_stage=_clean_stage,
    stage_label=_stage_label,
)


def parse_criteria(data):
    """A criteria node from a dict or JSON text; raises CriteriaError naming every problem."""
    return core.parse(data, VOCABULARY)


def validate_criteria(value):
    """Validator for forms, model fields and the admin."""
    core.validate_criteria(value, VOCABULARY)


def describe(criteria):
    """A short translated sentence saying whom `criteria` selects."""
    return core.describe(criteria, VOCABULARY)


class CriteriaField(core.CriteriaField):
    """A form field for criteria JSON, validated against our vocabulary."""

    def __init__(self, **kwargs):
        super().__init__(vocabulary=VOCABULARY, **kwargs)
