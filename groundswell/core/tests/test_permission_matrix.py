"""Every organiser URL, for every persona, answers with exactly the status this table says.

The table is explicit on purpose: a new URL under org/ or journey/ fails the first test until
someone decides, here, who may open it.
"""

from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

ROLES = ["hq", "organiser", "coord_a", "coord_b", "supporter", "outsider", "anonymous"]
LOGIN = "login"  # a redirect to the sign-in page
PREFIXES = ("org/", "journey/", "r/org/", "act/org/")


def statuses(hq, organiser, coord_a, coord_b, supporter=403, outsider=403, anonymous=LOGIN):
    return dict(
        hq=hq,
        organiser=organiser,
        coord_a=coord_a,
        coord_b=coord_b,
        supporter=supporter,
        outsider=outsider,
        anonymous=anonymous,
    )


EVERY_ORGANISER = statuses(200, 200, 200, 200)
GROUP_A_RECORD = statuses(200, 200, 200, 404)  # another group's record does not exist
HQ_ONLY_ACTION = statuses(302, 403, 403, 403)
STAFF_ONLY = statuses(200, 200, 403, 403)  # HQ and staff organisers, no coordinator


@dataclass
class Case:
    expected: dict
    method: str = "get"
    kwargs: object = None  # fixtures -> URL kwargs
    data: dict = field(default_factory=dict)


MATRIX = {
    "people:person-list": Case(EVERY_ORGANISER),
    "people:person-detail": Case(GROUP_A_RECORD, kwargs=lambda f: {"uuid": f.world.person_a.uuid}),
    "people:segment-list": Case(EVERY_ORGANISER),
    "people:segment-create": Case(
        statuses(302, 302, 302, 302), method="post", data={"name": "Dakar", "criteria": "{}"}
    ),
    "people:segment-edit": Case(GROUP_A_RECORD, kwargs=lambda f: {"pk": f.segment_a.pk}),
    "people:segment-delete": Case(GROUP_A_RECORD, kwargs=lambda f: {"pk": f.segment_a.pk}),
    "journeys:ladder": Case(EVERY_ORGANISER),
    "journeys:ladder-recompute": Case(HQ_ONLY_ACTION, method="post"),
    "amplification:campaign": Case(EVERY_ORGANISER, kwargs=lambda f: {"slug": f.campaign.slug}),
    "actions:moderation": Case(STAFF_ONLY),
    "amplification:person-tree": Case(
        GROUP_A_RECORD, kwargs=lambda f: {"uuid": f.world.person_a.uuid}
    ),
}


def organiser_routes():
    """(route, URL name) of every pattern whose full path starts with one of PREFIXES."""

    def walk(resolver, prefix, namespace):
        for entry in resolver.url_patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                inner = ":".join(filter(None, [namespace, entry.namespace]))
                yield from walk(entry, route, inner)
            else:
                name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
                yield route, name or route

    return [
        (route, name) for route, name in walk(get_resolver(), "", "") if route.startswith(PREFIXES)
    ]


@dataclass
class Fixtures:
    world: object
    segment_a: object
    campaign: object = None


@pytest.fixture
def fixtures(world):
    from groundswell.campaigns.models import Campaign
    from groundswell.people.services import save_segment

    return Fixtures(
        world=world,
        segment_a=save_segment("Group A", criteria={}, actor=world.coord_a),
        campaign=Campaign.objects.create(slug="air", title={"en": "Air"}),
    )


def test_every_organiser_url_has_an_entry_in_the_matrix():
    names = {name for _route, name in organiser_routes()}
    assert names, "the walk found no organiser URL at all"
    assert names - MATRIX.keys() == set(), "add these URLs to MATRIX with the status per role"


def test_the_matrix_lists_only_urls_that_exist():
    names = {name for _route, name in organiser_routes()}
    assert MATRIX.keys() - names == set()


def status_for(case, url, user):
    """The status `user` (None: anonymous) gets, with LOGIN for a redirect to sign in."""
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    response = getattr(client, case.method)(url, case.data)
    login = resolve_url(settings.LOGIN_URL)
    if response.status_code == 302 and response["Location"].startswith(login):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("name", list(MATRIX))
def test_each_persona_gets_the_status_the_matrix_says(name, fixtures):
    case = MATRIX[name]
    url = reverse(name, kwargs=case.kwargs(fixtures) if case.kwargs else None)
    users = {role: getattr(fixtures.world, role, None) for role in ROLES}
    assert {role: status_for(case, url, user) for role, user in users.items()} == case.expected
