"""Public action pages: the page with its form, the thank-you page with sharing, confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, ngettext

from groundswell.accounts.permissions import is_organiser
from groundswell.core.net import client_ip
from groundswell.people.models import Person

from . import counters, queries, services
from .forms import form_for
from .models import Action

MODERATION_PAGE_SIZE = 50
# The thank-you page shares the signer's own link: it knows them from a signed, short-lived token
# in its address (no session row written per anonymous signer), bound to the action by the salt.
THANKS_SALT = "groundswell.actions.thanks"
THANKS_MAX_AGE = 3600
THANKS_PARAM = "t"


def _public_action(slug):
    return get_object_or_404(
        Action.objects.select_related("campaign").exclude(status=Action.Status.DRAFT), slug=slug
    )


def action_detail(request, slug):
    action = _public_action(slug)
    request.share_campaign = action.campaign  # ShareClickMiddleware counts clicks for it
    language = get_language()
    form = None
    if action.is_live and request.method == "POST":
        form = form_for(action, request.POST, language=language)
        if form is not None and form.is_valid():
            submission, _created = services.take_action(
                action,
                data=form.action_data(),
                ip=client_ip(request),
                ref=form.cleaned_data["r"],
                channel=form.cleaned_data["c"],
                language=language,
            )
            return _redirect_to_thanks(action, submission.person_id)
    elif action.is_live:
        initial = {"r": request.GET.get("r", ""), "c": request.GET.get("c", "")}
        form = form_for(action, initial=initial, language=language)
    context = {
        "action": action,
        "form": form,
        "count": counters.live_count(action.pk),
        **queries.page_extras(action, language=language),
    }
    return render(request, "actions/action_detail.html", context)


def _redirect_to_thanks(action, person_id):
    token = signing.dumps(person_id, salt=f"{THANKS_SALT}:{action.slug}")
    url = reverse("actions:action-thanks", args=[action.slug])
    return redirect(f"{url}?{THANKS_PARAM}={token}")


def _thanked_person_id(request, action):
    """The person the token in the address names, or None (missing, tampered or expired)."""
    token = request.GET.get(THANKS_PARAM, "")
    if not token:
        return None
    try:
        salt = f"{THANKS_SALT}:{action.slug}"
        person_id = signing.loads(token, salt=salt, max_age=THANKS_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one
        return None
    return person_id if isinstance(person_id, int) else None


def action_thanks(request, slug):
    action = _public_action(slug)
    person_id = _thanked_person_id(request, action)
    person = Person.objects.filter(pk=person_id).first() if person_id else None
    url = reverse("actions:action-detail", args=[action.slug])
    context = {"action": action, **_sharing(action, person, url)}
    if person is not None:
        context.update(queries.thanks_extras(action, person, language=get_language()))
    return render(request, "actions/action_thanks.html", context)


def _sharing(action, person, url):
    """Share buttons carrying the person's code, and the address of a QR code of their link."""
    from groundswell.amplification.services import share_links, with_params

    if person is None:
        return {"share_links": [], "qr_url": ""}
    message = action.campaign.share_message("whatsapp") or action.display_title
    links = share_links(person, url=url, message=message)
    own_link = with_params(url, r=person.referral_code, c="qr")
    qr_url = with_params(reverse("amplification:qr"), u=own_link)
    return {"share_links": links, "qr_url": qr_url}


def confirm(request, token):
    """GET shows a button (mail scanners follow links); POST confirms."""
    if request.method != "POST":
        return render(request, "actions/confirm.html", {"token": token})
    try:
        submission = services.confirm_submission(token)
    except ValidationError as exc:
        return render(request, "actions/confirm.html", {"error": exc.messages[0]}, status=400)
    return _redirect_to_thanks(submission.action, submission.person_id)


@login_required
def moderation(request):
    """Flagged submissions, cleared or invalidated in bulk. HQ and staff organisers only: spam
    review is campaign-wide, and flagged signers mostly belong to no local group."""
    if not is_organiser(request.user):
        raise PermissionDenied
    if request.method == "POST":
        ids = [int(pk) for pk in request.POST.getlist("ids") if pk.isdigit()]
        bulk = {"clear": services.clear_submissions, "invalidate": services.invalidate_submissions}
        service = bulk.get(request.POST.get("do"))
        if service is not None:
            changed = service(ids, actor=request.user)
            messages.success(request, _moderated_message(request.POST["do"], changed))
        return redirect("actions:moderation")
    page = Paginator(queries.flagged_submissions(), MODERATION_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "actions/moderation.html", {"page": page})


def _moderated_message(verb, n):
    if verb == "clear":
        return ngettext("%(n)d submission cleared.", "%(n)d submissions cleared.", n) % {"n": n}
    return ngettext("%(n)d submission invalidated.", "%(n)d submissions invalidated.", n) % {"n": n}
