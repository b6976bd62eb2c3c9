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


LETTER_BODY = {
    "en": "Dear Mayor,\n\nPlease close the streets around our schools to traffic.",
    "es": "Estimada alcaldesa:\n\nCierre al tráfico las calles de nuestras escuelas.",
}


@pytest.fixture
def letter_action(make_action):
    """A letter to two decision makers and one newspaper."""
    action = make_action(
        slug="write-to-the-mayor",
        kind=Action.Kind.LETTER,
        title={"en": "Write to the mayor", "es": "Escribe a la alcaldesa"},
        target="",
        goal=None,
        letter_subject={"en": "Safe streets for our schools", "es": "Calles seguras"},
        letter_body=LETTER_BODY,
    )
    for order, (kind, name, email, limit) in enumerate(
        [
            ("decision_maker", "Mayor Rosa Diaz", "mayor@city.example", None),
            ("decision_maker", "Councillor Ben Ade", "ben@city.example", None),
            ("newspaper", "The Daily Bugle", "letters@bugle.example", 20),
        ]
    ):
        action.letter_targets.create(
            kind=kind, name=name, email=email, word_limit=limit, order=order
        )
    return action


@pytest.fixture
def pledge_action(make_action):
    return make_action(
        slug="ten-meetings",
        kind=Action.Kind.PLEDGE,
        title={"en": "Pledge to show up", "es": "Comprométete"},
        target="",
        goal=None,
        pledge_counter="event_attended",
        pledge_amount=10,
        pledge_amount_editable=True,
        pledge_amount_max=20,
        pledge_days=90,
    )


@pytest.fixture
def asset(campaign, settings, tmp_path):
    from django.core.files.base import ContentFile

    from groundswell.campaigns.models import Asset

    settings.MEDIA_ROOT = tmp_path / "media"
    asset = Asset(campaign=campaign, title={"en": "Organising guide"}, content_type="text/plain")
    asset.file.save("guide.txt", ContentFile(b"How to run a meeting."), save=False)
    asset.size = asset.file.size
    asset.save()
    return asset


@pytest.fixture
def download_action(make_action, asset):
    return make_action(
        slug="get-the-guide",
        kind=Action.Kind.DOWNLOAD,
        title={"en": "Get the guide"},
        target="",
        goal=None,
        asset=asset,
        signup_required=True,
    )


@pytest.fixture
def share_action(make_action):
    return make_action(
        slug="spread-the-word",
        kind=Action.Kind.SHARE,
        title={"en": "Spread the word"},
        target="",
        goal=None,
    )
