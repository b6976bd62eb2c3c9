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
PREFIXES = (
    "org/",
    "journey/",
    "r/org/",
    "act/org/",
    "c/org/",
    "groups/org/",
    "events/org/",
    "webhooks/org/",
)


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
STAFF_ONLY_POST = statuses(302, 302, 403, 403)
HQ_ONLY = statuses(200, 403, 403, 403)


@dataclass
class Case:
    expected: dict
    method: str = "get"
    kwargs: object = None  # fixtures -> URL kwargs
    data: dict = field(default_factory=dict)


def group_a_join_request(world):
    """The outsider's pending request to join group A (which then joins by request)."""
    from groundswell.groups.services import join_group, update_group

    update_group(world.group_a, join_policy="by_request")
    return join_group(world.group_a, world.outsider.person)


def group_a_member(world):
    return world.group_a.memberships.get(person=world.person_a)


GROUP_A_POST = statuses(302, 302, 302, 404)


def webhook_delivery(world):
    """A subscription to new people (on a loopback URL nothing listens on) and one delivery."""
    from groundswell.test import make_person
    from groundswell.webhooks.models import WebhookSubscription
    from groundswell.webhooks.services import save_subscription

    subscription = WebhookSubscription(
        name="CRM", url="https://127.0.0.1:9/hooks", event_types=["person.created"]
    )
    save_subscription(subscription)
    make_person("webhook@example.org")
    return subscription.deliveries.get()


def event_a(world, *, proposed=False):
    """An upcoming event of group A hosted by its coordinator (or proposed by the supporter)."""
    from datetime import timedelta

    from django.utils import timezone

    from groundswell.events import services

    starts = timezone.now() + timedelta(days=7)
    values = dict(
        title={"en": "Dakar meeting"}, languages=["fr"], locality="Dakar", group=world.group_a,
        starts_at=starts, ends_at=starts + timedelta(hours=2), time_zone="Africa/Dakar",
    )  # fmt: skip
    if proposed:
        return services.propose_event(person=world.supporter.person, **values)
    return services.create_event(host=world.coord_a.person, **values)


def people_import(world):
    """A mapped CSV import, ready to preview (imports are for HQ and staff organisers)."""
    from groundswell.people.imports.services import map_columns, upload_text

    person_import = upload_text("email,name\nnew@example.org,New Person\n", source_name="Matrix")
    return map_columns(person_import, mapping={"0": "email", "1": "full_name"})


def duplicate_candidate(world):
    from groundswell.people.imports.models import DuplicateCandidate

    return DuplicateCandidate.objects.create(person=world.person_a, other=world.person_b, score=90)


def petition(fixtures):
    """A petition of the fixtures' campaign (its export is scoped by person, not by action)."""
    from groundswell.actions.models import Action

    return Action.objects.create(campaign=fixtures.campaign, slug="air-now", title={"en": "Air"})


EVENT_A_PAGE = statuses(200, 200, 200, 404, supporter=404, outsider=404)
EVENT_A_POST = statuses(302, 302, 302, 404, supporter=404, outsider=404)


MATRIX = {
    "people:person-list": Case(EVERY_ORGANISER),
    "people:person-detail": Case(GROUP_A_RECORD, kwargs=lambda f: {"uuid": f.world.person_a.uuid}),
    "people:segment-list": Case(EVERY_ORGANISER),
    "people:segment-create": Case(
        statuses(302, 302, 302, 302), method="post", data={"name": "Dakar", "criteria": "{}"}
    ),
    "people:segment-edit": Case(GROUP_A_RECORD, kwargs=lambda f: {"pk": f.segment_a.pk}),
    "people:segment-delete": Case(GROUP_A_RECORD, kwargs=lambda f: {"pk": f.segment_a.pk}),
    "people:person-export": Case(EVERY_ORGANISER),
    "people:import-list": Case(STAFF_ONLY),
    "people:import-review": Case(STAFF_ONLY),
    "people:import-sample": Case(STAFF_ONLY),
    "people:import-decide": Case(
        statuses(302, 302, 403, 403),
        method="post",
        kwargs=lambda f: {"pk": duplicate_candidate(f.world).pk},
        data={"decision": "separate"},
    ),
    "people:import-detail": Case(
        STAFF_ONLY, kwargs=lambda f: {"uuid": people_import(f.world).uuid}
    ),
    "people:import-map": Case(STAFF_ONLY, kwargs=lambda f: {"uuid": people_import(f.world).uuid}),
    "people:import-preview": Case(
        STAFF_ONLY, kwargs=lambda f: {"uuid": people_import(f.world).uuid}
    ),
    "people:import-errors": Case(
        STAFF_ONLY, kwargs=lambda f: {"uuid": people_import(f.world).uuid}
    ),
    "people:import-resume": Case(
        statuses(302, 302, 403, 403),
        method="post",
        kwargs=lambda f: {"uuid": people_import(f.world).uuid},
    ),
    "journeys:ladder": Case(EVERY_ORGANISER),
    "journeys:ladder-recompute": Case(HQ_ONLY_ACTION, method="post"),
    "amplification:campaign": Case(EVERY_ORGANISER, kwargs=lambda f: {"slug": f.campaign.slug}),
    "actions:moderation": Case(STAFF_ONLY),
    "actions:submissions-csv": Case(EVERY_ORGANISER, kwargs=lambda f: {"slug": petition(f).slug}),
    "campaigns:campaign-list": Case(STAFF_ONLY),
    "campaigns:feedback": Case(STAFF_ONLY, kwargs=lambda f: {"slug": f.campaign.slug}),
    "amplification:person-tree": Case(
        GROUP_A_RECORD, kwargs=lambda f: {"uuid": f.world.person_a.uuid}
    ),
    "groups:org-tree": Case(EVERY_ORGANISER),
    "groups:org-group": Case(GROUP_A_RECORD, kwargs=lambda f: {"slug": "dakar"}),
    "groups:org-edit": Case(GROUP_A_RECORD, kwargs=lambda f: {"slug": "dakar"}),
    "groups:org-create": Case(GROUP_A_RECORD, kwargs=lambda f: {"slug": "dakar"}),
    "groups:org-members-csv": Case(GROUP_A_RECORD, kwargs=lambda f: {"slug": "dakar"}),
    "groups:org-update-post": Case(
        GROUP_A_POST, method="post", kwargs=lambda f: {"slug": "dakar"}, data={"text": "Hello"}
    ),
    "groups:org-request-approve": Case(
        GROUP_A_POST,
        method="post",
        kwargs=lambda f: {"slug": "dakar", "pk": group_a_join_request(f.world).pk},
    ),
    "groups:org-request-decline": Case(
        GROUP_A_POST,
        method="post",
        kwargs=lambda f: {"slug": "dakar", "pk": group_a_join_request(f.world).pk},
    ),
    "groups:org-coordinator": Case(
        GROUP_A_POST,
        method="post",
        kwargs=lambda f: {"slug": "dakar", "pk": group_a_member(f.world).pk},
        data={"coordinator": "1"},
    ),
    "events:org-list": Case(EVERY_ORGANISER),
    "events:org-create": Case(EVERY_ORGANISER),
    "events:org-queue": Case(EVERY_ORGANISER),
    "events:org-attendees": Case(EVENT_A_PAGE, kwargs=lambda f: {"slug": event_a(f.world).slug}),
    "events:org-edit": Case(EVENT_A_PAGE, kwargs=lambda f: {"slug": event_a(f.world).slug}),
    "events:org-attendances-csv": Case(
        EVENT_A_PAGE, kwargs=lambda f: {"slug": event_a(f.world).slug}
    ),
    "events:org-cancel": Case(
        EVENT_A_POST, method="post", kwargs=lambda f: {"slug": event_a(f.world).slug}
    ),
    "events:org-approve": Case(
        EVENT_A_POST, method="post", kwargs=lambda f: {"slug": event_a(f.world, proposed=True).slug}
    ),
    "events:org-reject": Case(
        EVENT_A_POST, method="post", kwargs=lambda f: {"slug": event_a(f.world, proposed=True).slug}
    ),
    "webhooks:subscription-list": Case(STAFF_ONLY),
    "webhooks:subscription-create": Case(STAFF_ONLY),
    "webhooks:subscription-detail": Case(
        STAFF_ONLY, kwargs=lambda f: {"pk": webhook_delivery(f.world).subscription_id}
    ),
    "webhooks:subscription-edit": Case(
        STAFF_ONLY, kwargs=lambda f: {"pk": webhook_delivery(f.world).subscription_id}
    ),
    "webhooks:subscription-deactivate": Case(
        STAFF_ONLY_POST,
        method="post",
        kwargs=lambda f: {"pk": webhook_delivery(f.world).subscription_id},
    ),
    "webhooks:delivery-detail": Case(
        HQ_ONLY, kwargs=lambda f: {"pk": webhook_delivery(f.world).pk}
    ),
    "webhooks:delivery-redeliver": Case(
        STAFF_ONLY_POST, method="post", kwargs=lambda f: {"pk": webhook_delivery(f.world).pk}
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
