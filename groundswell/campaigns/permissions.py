"""Who may see a campaign. A draft, or a preview someone may not see, is a 404: never leak it."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from groundswell.accounts.permissions import is_organiser
from groundswell.journeys.models import PersonStats, Stage

from .models import Campaign


def preview_stage(campaign):
    """The stage from which supporters see `campaign` in preview (None: no such stage)."""
    if campaign.preview_stage_id:
        return campaign.preview_stage
    return Stage.objects.filter(slug=settings.GROUNDSWELL["PREVIEW_STAGE"]).first()


def person_may_preview(person_id, campaign):
    """Whether the person's ladder stage is at or above the campaign's preview stage."""
    stage = preview_stage(campaign)
    own = PersonStats.objects.filter(person_id=person_id).values_list("stage__order", flat=True)
    own = own.first()
    return stage is not None and own is not None and own >= stage.order


def may_see_preview(user, campaign):
    if is_organiser(user):
        return True
    return bool(user.is_authenticated and user.person_id) and person_may_preview(
        user.person_id, campaign
    )


def may_see(user, campaign):
    if campaign.status == Campaign.Status.DRAFT:
        return False
    return campaign.status != Campaign.Status.PREVIEW or may_see_preview(user, campaign)


def access_campaign(user, slug):
    """The public campaign `slug` if `user` may see it, else 404."""
    campaign = get_object_or_404(Campaign.objects.select_related("preview_stage"), slug=slug)
    if not may_see(user, campaign):
        raise Http404
    return campaign


def access_feedback(user, slug):
    """(campaign, person) when `user` may react to and comment on the preview `slug`, else 404."""
    campaign = access_campaign(user, slug)
    if campaign.status != Campaign.Status.PREVIEW or not user.person_id:
        raise Http404
    return campaign, user.person


def require_organiser(user):
    """Feedback and status are campaign-wide: HQ and staff organisers only, coordinators 403."""
    if not is_organiser(user):
        raise PermissionDenied


def access_campaign_as_organiser(user, slug):
    require_organiser(user)
    return get_object_or_404(Campaign.objects.select_related("preview_stage"), slug=slug)
