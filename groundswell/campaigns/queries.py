"""Read-only views of campaigns: the toolkit, a campaign's live actions, feedback summaries."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from groundswell.analytics.charts import bar_chart
from groundswell.core.i18n import localized
from groundswell.journeys.models import Stage

from .models import SHARE_PLATFORMS, Asset, Campaign, Comment, Reaction
from .services import asset_download_url, gated_asset_ids

# --- Public pages ------------------------------------------------------------------------------


def live_actions(campaign):
    from groundswell.actions.models import Action

    return Action.objects.filter(campaign=campaign, status=Action.Status.LIVE).order_by("pk")


def own_feedback(campaign, person):
    """(reaction kind or "", the person's visible comments newest first) on `campaign`."""
    kind = Reaction.objects.filter(campaign=campaign, person=person).values_list("kind", flat=True)
    comments = Comment.objects.filter(campaign=campaign, person=person, hidden=False)
    return kind.first() or "", list(comments.order_by("-created_at", "-pk")[:20])


# --- The toolkit -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ToolkitMessage:
    platform: str
    label: str
    text: str  # the ready-made message followed by the link: what the copy button copies
    limit: int  # the platform's length limit, for the counter beside the text
    link: str  # the link alone: tracked with the person's code and the platform, or plain
    href: str  # one-tap sharing on the platform ("" without a person)


@dataclass(frozen=True)
class ToolkitAsset:
    asset: Asset
    title: str
    description: str
    url: str  # the download, or the download action's page when it is behind a sign-up
    gated: bool


@dataclass(frozen=True)
class Toolkit:
    campaign: Campaign
    language: str
    tracked: bool  # whether the links carry a person's referral code
    messages: list = field(default_factory=list)
    assets: list = field(default_factory=list)


def toolkit(campaign, *, person=None, language=None, url=None):
    """The campaign's toolkit in `language` (default: the active one): a message per platform,
    with `person`'s tracked links when given, and the assets in that language or any.

    `url` is the page the links lead to (default: the campaign's page)."""
    from groundswell.amplification.services import absolute, share_links, with_params

    language = (language or translation.get_language() or "en")[:2]
    url = url or reverse("campaigns:campaign-detail", args=[campaign.slug])
    with translation.override(language):
        fallback = localized(campaign.title, language) or campaign.slug
        texts = {p: campaign.share_message(p, language) or fallback for p in SHARE_PLATFORMS}
        messages = []
        for platform, (label, limit) in SHARE_PLATFORMS.items():
            if person is not None:
                link = absolute(with_params(url, r=person.referral_code, c=platform))
                links = share_links(person, url=url, message=texts[platform])
                href = next(each.href for each in links if each.platform == platform)
            else:
                link, href = absolute(url), ""
            text = f"{texts[platform]} {link}".strip()
            messages.append(ToolkitMessage(platform, str(label), text, limit, link, href))
        assets = _toolkit_assets(campaign, language, person)
    return Toolkit(campaign, language, person is not None, messages, assets)


def _toolkit_assets(campaign, language, person):
    assets = list(campaign.assets.filter(Q(language="") | Q(language=language)))
    gated = gated_asset_ids([asset.pk for asset in assets])
    items = []
    for asset in assets:
        is_gated = asset.pk in gated
        url = asset_download_url(asset, person=person, gated=is_gated)
        if url is None:  # behind a sign-up and no one signed up yet: the action's page
            url = _download_action_url(asset)
        title = localized(asset.title, language) or asset.filename
        description = localized(asset.description, language)
        items.append(ToolkitAsset(asset, title, description, url, is_gated))
    return items


def _download_action_url(asset):
    from groundswell.actions.models import Action

    action = (
        Action.objects.filter(asset=asset, kind=Action.Kind.DOWNLOAD, status=Action.Status.LIVE)
        .order_by("pk")
        .values_list("slug", flat=True)
        .first()
    )
    return reverse("actions:action-detail", args=[action])


# --- Organiser pages ---------------------------------------------------------------------------

REACTION_KINDS = list(Reaction.Kind)


@dataclass(frozen=True)
class Breakdown:
    label: str
    counts: list  # one count per reaction kind, in REACTION_KINDS order
    total: int


def _totals(campaign):
    counts = dict(
        Reaction.objects.filter(campaign=campaign)
        .values_list("kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [counts.get(kind.value, 0) for kind in REACTION_KINDS]


def _breakdown(campaign, column, label_of, order_of=None):
    """Reaction counts per value of `column` (a path from Reaction), one Breakdown per value."""
    rows = (
        Reaction.objects.filter(campaign=campaign)
        .values_list(column, "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    grouped = {}
    for key, kind, n in rows:
        grouped.setdefault(key, dict.fromkeys(Reaction.Kind.values, 0))[kind] = n
    result = []
    for key, by_kind in grouped.items():
        counts = [by_kind[kind.value] for kind in REACTION_KINDS]
        result.append((key, Breakdown(label_of(key), counts, sum(counts))))
    result.sort(key=order_of or (lambda pair: (-pair[1].total, pair[1].label)))
    return [breakdown for _key, breakdown in result]


NO_STAGE = _("No stage yet")
UNKNOWN = _("Unknown")


def feedback_summary(campaign):
    """Reaction counts in total and by ladder stage, language and country, and a bar chart."""
    stages = {stage.pk: stage for stage in Stage.objects.all()}
    languages = dict(settings.LANGUAGES)

    def stage_label(pk):
        return stages[pk].display_name if pk in stages else str(NO_STAGE)

    def stage_order(pair):
        stage = stages.get(pair[0])
        return stage.order if stage else 10_000

    totals = _totals(campaign)
    labels = [str(kind.label) for kind in REACTION_KINDS]
    return {
        "kinds": REACTION_KINDS,
        "totals": list(zip(labels, totals, strict=True)),
        "total": sum(totals),
        "chart": bar_chart([(label, n, 0) for label, n in zip(labels, totals, strict=True)]),
        "by_stage": _breakdown(campaign, "person__stats__stage", stage_label, stage_order),
        "by_language": _breakdown(
            campaign,
            "person__language",
            lambda code: str(languages.get(code, code or UNKNOWN)),
        ),
        "by_country": _breakdown(
            campaign, "person__country", lambda code: countries.name(code) or str(UNKNOWN)
        ),
        "comments": Comment.objects.filter(campaign=campaign, hidden=False).count(),
        "hidden_comments": Comment.objects.filter(campaign=campaign, hidden=True).count(),
    }


def campaign_comments(campaign):
    """Every comment on `campaign`, newest first, with its author."""
    return (
        Comment.objects.filter(campaign=campaign)
        .select_related("person", "person__stats__stage")
        .order_by("-created_at", "-pk")
    )


def campaigns_with_feedback(statuses):
    """Campaigns in `statuses` with their reaction counts per kind and visible comment count."""
    counts = {
        kind.value: Count("reactions", filter=Q(reactions__kind=kind.value), distinct=True)
        for kind in REACTION_KINDS
    }
    return (
        Campaign.objects.filter(status__in=statuses)
        .annotate(
            **{f"n_{kind}": count for kind, count in counts.items()},
            n_reactions=Count("reactions", distinct=True),
            n_comments=Count("comments", filter=Q(comments__hidden=False), distinct=True),
        )
        .order_by("-status", "-created_at", "pk")  # preview before live
    )
