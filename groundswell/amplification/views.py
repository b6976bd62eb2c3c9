"""Share-link redirects, QR codes, and organiser pages about how campaigns spread."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from groundswell.accounts.permissions import access_person, require_organiser_pages, visible_people
from groundswell.campaigns.models import Campaign

from . import queries, services


@require_GET
def share_click(request, code, channel):
    """A short link for print and QR: go to the page with ?r=<code>&c=<channel>, same site only.

    The click is counted where it lands, by ShareClickMiddleware, like every other share link.
    """
    path = services.safe_path(request.GET.get("next", "")) or reverse("home")
    channel = services.clean_channel(channel) or "other"
    return redirect(services.with_params(path, r=services.clean_code(code), c=channel))


@require_GET
@cache_control(public=True, max_age=86400)
def qr(request):
    """The QR code of a page on this site, as SVG for an <img>; other hosts are refused."""
    path = services.safe_path(request.GET.get("u", ""))
    if path is None:
        return HttpResponseBadRequest(b"", content_type="text/plain")
    return HttpResponse(services.qr_svg(services.absolute(path)), content_type="image/svg+xml")


@login_required
def campaign(request, slug):
    require_organiser_pages(request.user)
    campaign = get_object_or_404(Campaign, slug=slug)
    figures = queries.campaign_figures(campaign, visible=visible_people(request.user))
    context = {"campaign": campaign, "figures": figures}
    return render(request, "amplification/campaign.html", context)


@login_required
def person_tree(request, uuid):
    person = access_person(request.user, uuid)
    tree = queries.recruit_tree(person, visible=visible_people(request.user))
    return render(request, "amplification/person_tree.html", {"person": person, "tree": tree})
