import random

from groundswell.actions.demo import pdf, seed_demo_actions
from groundswell.actions.models import Letter, Submission
from groundswell.journeys.models import Goal
from groundswell.test import make_person


def test_the_demo_makes_every_kind_with_submissions_and_runs_again_without_duplicates(
    campaign, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    campaign.slug = "clean-air"
    campaign.save()
    people = [make_person(f"p{i}@example.org", given_name=f"P{i}", country="GB") for i in range(5)]

    actions = seed_demo_actions({"clean-air": campaign}, people, random.Random(1))
    seed_demo_actions({"clean-air": campaign}, people, random.Random(2))

    assert set(actions) == {"letter", "pledge", "download", "share"}
    assert actions["letter"].letter_targets.count() == 3
    assert Submission.objects.count() == 20
    assert Letter.objects.count() == 15
    assert Goal.objects.count() == 5
    assert actions["download"].asset.file.read().startswith(b"%PDF-1.4")


def test_the_guide_is_a_well_formed_pdf():
    content = pdf(["Hello (world)"])

    assert content.startswith(b"%PDF-1.4\n") and content.endswith(b"%%EOF\n")
    xref = int(content.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert content[xref:].startswith(b"xref\n")
