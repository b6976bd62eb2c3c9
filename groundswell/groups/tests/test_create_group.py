import pytest
from django.core.exceptions import ValidationError

from groundswell.campaigns.models import Campaign
from groundswell.core.models import AuditEntry
from groundswell.groups.models import Group
from groundswell.groups.services import create_group

pytestmark = pytest.mark.django_db


def test_the_top_of_the_tree_is_hq_and_a_group_with_a_group_below_becomes_a_hub():
    hq = create_group("Headquarters", slug="hq")
    hub = create_group("Europe", parent=hq)
    local = create_group("Paris", parent=hub)

    hub.refresh_from_db()
    assert (hq.kind, hub.kind, local.kind) == ("hq", "hub", "local")
    assert local.path == f"/{hq.pk}/{hub.pk}/{local.pk}/"


def test_a_group_keeps_its_details_languages_and_campaigns():
    air = Campaign.objects.create(slug="air", title={"en": "Air"})

    group = create_group(
        "Dakar", slug="dakar", latitude=14.69, longitude=-17.44, languages=["fr", "wo"],
        description={"en": "We meet on Saturdays.", "fr": "Le samedi."}, area="Dakar and Rufisque",
        campaigns=[air],
    )  # fmt: skip

    group.refresh_from_db()
    assert group.languages == ["fr", "wo"]
    assert group.description["fr"] == "Le samedi."
    assert list(group.campaigns.all()) == [air]
    assert AuditEntry.objects.filter(verb="group.created", object_id=str(group.pk)).exists()


@pytest.mark.parametrize(
    ("latitude", "longitude"), [(91, 0), (-90.5, 0), (0, 181), (0, -180.01), (float("nan"), 0)]
)
def test_impossible_coordinates_are_refused_and_nothing_is_saved(latitude, longitude):
    with pytest.raises(ValidationError) as raised:
        create_group("Nowhere", latitude=latitude, longitude=longitude)

    assert "latitude" in raised.value.error_dict
    assert not Group.objects.exists()


def test_half_a_pair_of_coordinates_is_refused():
    with pytest.raises(ValidationError) as raised:
        create_group("Half", latitude=10)

    assert "both" in raised.value.messages[0]


def test_the_error_is_marked_for_translation():
    from django.utils.functional import Promise

    with pytest.raises(ValidationError) as raised:
        create_group("Nulle part", latitude=100, longitude=0)

    assert isinstance(raised.value.error_dict["latitude"][0].message, Promise)


def test_a_slug_another_group_has_is_refused():
    create_group("Dakar", slug="dakar")

    with pytest.raises(ValidationError) as raised:
        create_group("Dakar again", slug="dakar")

    assert "slug" in raised.value.error_dict
    assert Group.objects.count() == 1


def test_org_cannot_be_a_group_address_because_the_coordinators_area_lives_there():
    with pytest.raises(ValidationError):
        create_group("Org", slug="org")


def test_a_language_that_is_not_a_code_is_refused():
    with pytest.raises(ValidationError) as raised:
        create_group("Babel", languages=["French"])

    assert "languages" in raised.value.error_dict


def test_a_campaign_in_a_failed_group_is_not_linked_either():
    air = Campaign.objects.create(slug="air", title={"en": "Air"})

    with pytest.raises(ValidationError):
        create_group("", campaigns=[air])

    assert not air.groups.exists()
