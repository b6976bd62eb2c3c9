import pytest
from django.core.files.base import ContentFile

from groundswell.campaigns.models import Asset, Campaign
from groundswell.journeys.models import PersonStats, Stage


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Uploaded files land in a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def campaign(db):
    return Campaign.objects.create(
        slug="plastic-free",
        title={
            "en": "Plastic-free markets",
            "es": "Mercados sin plástico",
            "fr": "Marchés sans plastique",
        },
        summary={"en": "No more plastic bags.", "es": "No más bolsas de plástico."},
        description={"en": "Markets are drowning in plastic."},
        status=Campaign.Status.PREVIEW,
        share_messages={
            "whatsapp": {
                "en": "Markets without plastic: join me",
                "es": "Mercados sin plástico: únete",
            },
            "sms": {"en": "Plastic-free markets now!"},
        },
    )


@pytest.fixture
def at_stage():
    """Put a person (or a user's person) on a stage: `at_stage(world.supporter, "leader")`."""

    def put(who, slug):
        person = getattr(who, "person", who)
        stage = Stage.objects.get(slug=slug)
        PersonStats.objects.update_or_create(person=person, defaults={"stage": stage})
        return person

    return put


@pytest.fixture
def make_asset(campaign):
    def make(name="guide.pdf", content=b"%PDF-1.4 guide", **fields):
        from groundswell.campaigns.services import save_asset

        asset = Asset(campaign=fields.pop("campaign", campaign), title={"en": "Guide"}, **fields)
        asset.file.save(name, ContentFile(content), save=False)
        return save_asset(asset)

    return make


@pytest.fixture
def download_action(campaign):
    def make(asset, *, signup_required=True, status="live", slug="get-the-guide"):
        from groundswell.actions.models import Action

        return Action.objects.create(
            campaign=campaign,
            slug=slug,
            kind=Action.Kind.DOWNLOAD,
            title={"en": "Get the guide"},
            asset=asset,
            signup_required=signup_required,
            status=status,
        )

    return make
