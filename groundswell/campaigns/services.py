"""Every state change of campaigns: status, toolkit assets, and feedback on previews.

Also `asset_download_url`, which writes nothing but signs: the one place that knows which asset
links must carry a token.
"""

import mimetypes
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from groundswell.core.audit import audit
from groundswell.journeys.services import record_activity
from groundswell.people.models import Person

from .models import Campaign, Comment, Reaction

# The largest toolkit file; a deployment may set GROUNDSWELL["ASSET_MAX_BYTES"].
ASSET_MAX_BYTES = 20 * 1024 * 1024
ASSET_EXTENSIONS = frozenset(
    ["pdf", "png", "jpg", "jpeg", "gif", "webp", "svg", "txt", "md", "csv", "zip", "mp3", "mp4",
     "doc", "docx", "odt", "ppt", "pptx", "odp", "xls", "xlsx", "ods"]
)  # fmt: skip
ASSET_TOKEN_SALT = "groundswell.campaigns.asset"  # noqa: S105 - a signing namespace, not a secret
ASSET_TOKEN_MAX_AGE = timedelta(days=30)
COMMENT_MAX_LENGTH = Comment._meta.get_field("text").max_length
# The same text from the same person this soon after is a double submit, not a new comment.
COMMENT_REPEAT_WINDOW = timedelta(minutes=1)
# Which status may follow which: forward through the life of a campaign, a preview may go back
# to draft, and a closed campaign may reopen.
STATUS_STEPS = {
    Campaign.Status.DRAFT: {Campaign.Status.PREVIEW, Campaign.Status.LIVE},
    Campaign.Status.PREVIEW: {Campaign.Status.DRAFT, Campaign.Status.LIVE},
    Campaign.Status.LIVE: {Campaign.Status.CLOSED},
    Campaign.Status.CLOSED: {Campaign.Status.LIVE},
}

MESSAGES = {
    "too_big": _("The file is %(size)s MB; the largest allowed is %(limit)s MB."),
    "extension": _("Files of type .%(extension)s cannot be added to a toolkit."),
    "status": _("A campaign cannot go from %(old)s to %(new)s."),
    "not_preview": _("Feedback is only taken while a campaign is in preview."),
    "reaction": _("Unknown reaction."),
    "empty": _("Write a comment first."),
    "too_long": _("A comment has at most %(limit)d characters (this one has %(count)d)."),
}


# --- Campaign status --------------------------------------------------------------------------


@transaction.atomic
def set_campaign_status(campaign, status, *, actor):
    """Move `campaign` to `status` if that step is allowed; the same status changes nothing."""
    old = campaign.status
    if status == old:
        return campaign
    if status not in STATUS_STEPS.get(old, ()):
        params = {"old": Campaign.Status(old).label, "new": _label(status)}
        raise ValidationError(MESSAGES["status"], code="status", params=params)
    campaign.status = status
    campaign.save(update_fields=["status"])
    audit("campaigns.status_changed", campaign, actor=actor, old=old, new=status)
    return campaign


def _label(status):
    return Campaign.Status(status).label if status in Campaign.Status.values else status


@transaction.atomic
def set_preview_stage(campaign, stage, *, actor):
    """Who sees the preview: people at `stage` or above (None: the default stage)."""
    if campaign.preview_stage_id == (stage.pk if stage else None):
        return campaign
    old = campaign.preview_stage_id
    campaign.preview_stage = stage
    campaign.save(update_fields=["preview_stage"])
    audit(
        "campaigns.preview_stage_set", campaign, actor=actor, old=old, new=campaign.preview_stage_id
    )
    return campaign


# --- Toolkit assets ---------------------------------------------------------------------------


def check_asset_file(file):
    """Raise a ValidationError unless `file` is of a toolkit type and small enough."""
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    if extension not in ASSET_EXTENSIONS:
        raise ValidationError(MESSAGES["extension"], "extension", {"extension": extension})
    limit = settings.GROUNDSWELL.get("ASSET_MAX_BYTES", ASSET_MAX_BYTES)
    if file.size > limit:
        params = {"size": f"{file.size / 1048576:.1f}", "limit": f"{limit / 1048576:g}"}
        raise ValidationError(MESSAGES["too_big"], "too_big", params)


@transaction.atomic
def save_asset(asset, *, actor=None):
    """Check the file, record its content type and size, and save the asset."""
    check_asset_file(asset.file)
    created = asset.pk is None
    asset.size = asset.file.size
    guessed, _encoding = mimetypes.guess_type(asset.file.name, strict=False)
    asset.content_type = guessed or "application/octet-stream"
    asset.save()
    verb = "campaigns.asset_added" if created else "campaigns.asset_changed"
    audit(verb, asset, actor=actor, campaign=asset.campaign.slug, size=asset.size)
    return asset


@transaction.atomic
def delete_asset(asset, *, actor=None):
    audit("campaigns.asset_deleted", asset, actor=actor, campaign=asset.campaign.slug)
    asset.delete()


def gated_asset_ids(assets):
    """The ids among `assets` behind a sign-up: a live download action with signup_required."""
    from groundswell.actions.models import Action

    return set(
        Action.objects.filter(
            asset__in=assets,
            kind=Action.Kind.DOWNLOAD,
            status=Action.Status.LIVE,
            signup_required=True,
        ).values_list("asset_id", flat=True)
    )


def asset_download_url(asset, *, person=None, gated=None):
    """The path that downloads `asset`: plain, or signed for `person` when the asset is behind
    a sign-up (None then when there is no person: send them to the download action instead)."""
    gated = bool(gated_asset_ids([asset.pk])) if gated is None else gated
    kwargs = {"pk": asset.pk, "filename": asset.filename or "file"}
    if not gated:
        return reverse("campaigns:asset", kwargs=kwargs)
    if person is None:
        return None
    token = signing.dumps([asset.pk, person.pk], salt=ASSET_TOKEN_SALT)
    return reverse("campaigns:asset", kwargs={**kwargs, "token": token})


def asset_token_person_id(token, asset):
    """The person id a download token was signed for, if it is valid for `asset`; else None."""
    max_age = ASSET_TOKEN_MAX_AGE.total_seconds()
    try:
        asset_id, person_id = signing.loads(token, salt=ASSET_TOKEN_SALT, max_age=max_age)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return person_id if asset_id == asset.pk else None


# --- Feedback on previews ---------------------------------------------------------------------


def _require_preview(campaign):
    if campaign.status != Campaign.Status.PREVIEW:
        raise ValidationError(MESSAGES["not_preview"], code="not_preview")


@transaction.atomic
def react(campaign, person, kind):
    """Set `person`'s reaction to the preview; a new one replaces theirs. Returns (reaction,
    created); only the first reaction to a campaign is an activity on their journey."""
    _require_preview(campaign)
    if kind not in Reaction.Kind.values:
        raise ValidationError(MESSAGES["reaction"], code="reaction")
    reaction = Reaction.objects.filter(campaign=campaign, person=person).first()
    created = reaction is None
    if created:
        try:
            with transaction.atomic():
                reaction = Reaction.objects.create(campaign=campaign, person=person, kind=kind)
        except IntegrityError:  # a simultaneous first reaction won: this one replaces it
            reaction, created = Reaction.objects.get(campaign=campaign, person=person), False
    if not created and reaction.kind != kind:
        reaction.kind = kind
        reaction.save(update_fields=["kind", "updated_at"])
    if created:
        _feedback_activity(campaign, person, reaction=kind)
    audit("campaigns.reacted", reaction, person=person.pk, kind=kind)
    return reaction, created


@transaction.atomic
def comment(campaign, person, text):
    """Add `person`'s comment to the preview; the same text again within a minute (a double
    submit) is the same comment. Returns (comment, created)."""
    _require_preview(campaign)
    text = (text or "").strip()
    if not text:
        raise ValidationError(MESSAGES["empty"], code="empty")
    if len(text) > COMMENT_MAX_LENGTH:
        params = {"limit": COMMENT_MAX_LENGTH, "count": len(text)}
        raise ValidationError(MESSAGES["too_long"], code="too_long", params=params)
    # One person's comments queue on their row, so a double submit cannot make two.
    Person.objects.select_for_update().filter(pk=person.pk).values_list("pk").first()
    since = timezone.now() - COMMENT_REPEAT_WINDOW
    same = Comment.objects.filter(
        campaign=campaign, person=person, text=text, created_at__gte=since
    )
    existing = same.order_by("-created_at").first()
    if existing is not None:
        return existing, False
    new = Comment.objects.create(campaign=campaign, person=person, text=text)
    _feedback_activity(campaign, person, comment=new.pk)
    audit("campaigns.commented", new, person=person.pk)
    return new, True


def _feedback_activity(campaign, person, **data):
    record_activity(
        person,
        "feedback_given",
        object_type="campaign",
        object_id=campaign.pk,
        campaign=campaign,
        data=data,
    )


@transaction.atomic
def hide_comment(comment, *, actor, hidden=True):
    """Hide a comment from the summary's counts (or, with hidden=False, show it again)."""
    if comment.hidden == hidden:
        return comment
    comment.hidden = hidden
    comment.save(update_fields=["hidden"])
    audit("campaigns.comment_hidden" if hidden else "campaigns.comment_shown", comment, actor=actor)
    return comment
