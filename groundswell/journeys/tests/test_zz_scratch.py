import pytest
from django.db import connection
from groundswell.journeys.criteria import parse_criteria
from groundswell.people.models import Person


@pytest.mark.django_db
def test_sql():
    for c in [
        {"all": [{"field": "country", "eq": "FR"}, {"count": "actions", "gte": 2, "within_days": 90}, {"count": "event_attended", "eq": 0}]},
        {"any": [{"not": {"count": "subscribed", "gte": 2}}, {"tag": "x"}, {"stage_at_least": "intention"}, {"days_since": "last_activity", "gte": 3}]},
        {"field": "stage", "ne": "intention"},
    ]:
        n = parse_criteria(c)
        qs = Person.objects.filter(n.to_q())
        print(qs.query)
        print(list(qs))
        from groundswell.journeys.models import PersonStats
        qs = PersonStats.objects.filter(n.to_stats_q())
        print(qs.query)
        print(list(qs))
        print(n.describe())
