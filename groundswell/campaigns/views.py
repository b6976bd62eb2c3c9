"""Public campaign pages with their toolkit and preview feedback; downloads; organiser feedback."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from groundswell.accounts.permissions import is_organiser

from . import permissions, queries, services
from .forms import CampaignSettingsForm, CommentForm
from .models import Asset, Campaign, Comment

COMMENTS_PAGE_SIZE = 50


def _viewer(request):
    user = request.user
    return user.person if user.is_authenticated and user.person_id else None


def campaign_detail(request, slug, comment_form=None):
    campaign = permissions.access_campaign(request.user, slug)
    request.share_campaign = campaign  # ShareClickMiddleware counts clicks for it
    person = _viewer(request)
    context = {
        "campaign": campaign,
        "actions": queries.live_actions(campaign),
        "is_preview": campaign.status == Campaign.Status.PREVIEW,
        "is_organiser": is_organiser(request.user),
    }
    if context["is_preview"] and person is not None:
        reaction, own_comments = queries.own_feedback(campaign, person)
        context.update(
            reaction=reaction,
            reaction_kinds=queries.REACTION_KINDS,
            own_comments=own_comments,
            comment_form=comment_form or CommentForm(),
        )
    return render(request, "campaigns/campaign_detail.html", context)


def campaign_toolkit(request, slug):
    campaign = permissions.access_campaign(request.user, slug)
    request.share_campaign = campaign
    kit = queries.toolkit(campaign, person=_viewer(request))
    return render(request, "campaigns/toolkit.html", {"campaign": campaign, "toolkit": kit})


@require_POST
def react(request, slug):
    campaign, person = permissions.access_feedback(request.user, slug)
    try:
        services.react(campaign, person, request.POST.get("kind", ""))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Thank you: your reaction is saved."))
    return redirect(reverse("campaigns:campaign-detail", args=[slug]) + "#feedback")


@require_POST
def comment(request, slug):
    campaign, person = permissions.access_feedback(request.user, slug)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment(campaign, person, form.cleaned_data["text"])
        except ValidationError as exc:
            form.add_error("text", exc)
        else:
            messages.success(request, _("Thank you: the organisers will read your comment."))
            return redirect(reverse("campaigns:campaign-detail", args=[slug]) + "#feedback")
    return campaign_detail(request, slug, comment_form=form)


@require_GET
def asset_download(request, pk, filename, token=None):
    """The file, as an attachment. Behind a sign-up it needs the token made for a person."""
    asset = get_object_or_404(Asset.objects.select_related("campaign"), pk=pk)
    if not permissions.may_see(request.user, asset.campaign):
        raise Http404
    gated = bool(services.gated_asset_ids([asset.pk]))
    if gated and (token is None or services.asset_token_person_id(token, asset) is None):
        raise Http404
    try:
        handle = asset.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    content_type = asset.content_type or "application/octet-stream"
    response = FileResponse(
        handle, as_attachment=True, filename=asset.filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def campaign_list(request):
    permissions.require_organiser(request.user)
    statuses = [Campaign.Status.PREVIEW, Campaign.Status.LIVE]
    context = {
        "campaigns": queries.campaigns_with_feedback(statuses),
        "others": Campaign.objects.exclude(status__in=statuses).order_by("status", "slug"),
        "kinds": queries.REACTION_KINDS,
    }
    return render(request, "campaigns/campaign_list.html", context)


@login_required
def feedback(request, slug):
    campaign = permissions.access_campaign_as_organiser(request.user, slug)
    if request.method == "POST":
        do = {"settings": _save_settings, "hide": _hide_comment, "unhide": _hide_comment}
        handler = do.get(request.POST.get("do"))
        if handler is not None:
            handler(request, campaign)
        return redirect("campaigns:feedback", slug=campaign.slug)
    initial = {"status": campaign.status, "preview_stage": campaign.preview_stage}
    page = Paginator(queries.campaign_comments(campaign), COMMENTS_PAGE_SIZE)
    context = {
        "campaign": campaign,
        "summary": queries.feedback_summary(campaign),
        "settings_form": CampaignSettingsForm(initial=initial),
        "page": page.get_page(request.GET.get("page")),
    }
    return render(request, "campaigns/feedback.html", context)


def _save_settings(request, campaign):
    form = CampaignSettingsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status and a stage from the lists."))
        return
    try:
        services.set_campaign_status(campaign, form.cleaned_data["status"], actor=request.user)
        services.set_preview_stage(campaign, form.cleaned_data["preview_stage"], actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Campaign settings saved."))


def _hide_comment(request, campaign):
    pk = request.POST.get("comment", "")
    found = Comment.objects.filter(campaign=campaign, pk=pk).first() if pk.isdigit() else None
    if found is not None:
        services.hide_comment(found, actor=request.user, hidden=request.POST["do"] == "hide")
