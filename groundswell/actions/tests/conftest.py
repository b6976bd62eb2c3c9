import pytest
from django.core.cache import cache

from groundswell.actions.models import Action
from groundswell.campaigns.models import Campaign

SIGNER = {
    "given_name": "Ana",
    "family_name": "Souza",
    "email": "ana@example.org",
    "phone": "",
    "country": "FR",
    "postal_code": "75011",
    "consent": True,
    "comment": "",
}


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits and cached counts live in the cache: each test starts without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def campaign(db):
    return Campaign.objects.create(
        slug="clean-water",
        title={"en": "Clean water", "es": "Agua limpia", "fr": "Eau propre"},
        status=Campaign.Status.LIVE,
        share_messages={"whatsapp": {"en": "I signed for clean water. Join me:"}},
    )


@pytest.fixture
def make_action(campaign):
    def make(slug="water-now", **fields):
        values = {
            "campaign": campaign,
            "slug": slug,
            "kind": Action.Kind.PETITION,
            "title": {"en": "Water for all", "es": "Agua para todos", "fr": "De l'eau pour tous"},
            "intro": {"en": "Every school needs a tap.", "es": "Cada escuela necesita un grifo."},
            "body": {"en": "We ask the minister to fund taps in every school."},
            "target": "The Minister of Water",
            "goal": 1000,
            "status": Action.Status.LIVE,
            "consent_text": {"en": "Email me about this campaign.", "es": "Escríbanme."},
            "consent_wording_version": "petition-2026-03",
        }
        return Action.objects.create(**{**values, **fields})

    return make


@pytest.fixture
def action(make_action):
    return make_action()


@pytest.fixture
def immediate_tasks(settings):
    """Run tasks in-process as soon as they are enqueued (the services enqueue on commit)."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        }
    }
