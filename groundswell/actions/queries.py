"""Read-only querysets for organiser pages about actions, and what public pages show by kind."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from groundswell.campaigns.queries import toolkit
from groundswell.campaigns.services import asset_download_url

from .models import Action, Letter, LetterTarget, Submission
from .pledges import commitment


def flagged_submissions():
    """Submissions waiting for review: flagged and not yet invalidated, newest first."""
    return (
        Submission.objects.filter(flagged=True)
        .exclude(status=Submission.Status.INVALID)
        .select_related("action", "person")
        .order_by("-created_at", "-pk")
    )


# --- Public pages: what each kind shows beside its form and on its thank-you page -------------


@dataclass(frozen=True)
class LetterView:
    """A letter as its writer sees it on the thank-you page."""

    letter: Letter
    self_send: bool  # a newspaper's: the supporter sends it
    delivered: bool
    mailto: str
    words: int
    over_limit: bool


def page_extras(action, *, language=None):
    """What the action's page shows besides its form, by kind."""
    if action.kind == Action.Kind.LETTER:
        return {"letter_targets": list(action.letter_targets.all())}
    if action.kind == Action.Kind.PLEDGE:
        return {"commitment": commitment(action)}
    if action.kind == Action.Kind.DOWNLOAD and action.asset_id and not action.signup_required:
        return {"download_url": asset_download_url(action.asset, gated=False)}
    if action.kind == Action.Kind.SHARE:
        return {"toolkit": toolkit(action.campaign, language=language)}
    return {}


def thanks_extras(action, person, *, language=None):
    """What the thank-you page shows the person who just acted, by kind ({} for no one)."""
    submission = Submission.objects.filter(action=action, person=person).first()
    if submission is None:
        return {}
    extras = {"submission": submission}
    if action.kind == Action.Kind.LETTER:
        extras["letters"] = own_letters(submission)
    elif action.kind == Action.Kind.PLEDGE:
        extras["commitment"] = commitment(action, submission.data.get("amount"))
    elif action.kind == Action.Kind.DOWNLOAD and action.asset_id:
        extras["download_url"] = asset_download_url(action.asset, person=person)
    elif action.kind == Action.Kind.SHARE:
        extras["toolkit"] = toolkit(action.campaign, person=person, language=language)
    return extras


def own_letters(submission):
    """The submission's letters, those the supporter sends themselves with a ready mailto: link."""
    views = []
    letters = submission.letters.select_related("target", "outbound").order_by("target__order")
    for letter in letters:
        target = letter.target
        own = target.kind == LetterTarget.Kind.NEWSPAPER
        words = len(letter.body.split())
        delivered = letter.status == Letter.Status.SENT or (
            letter.outbound is not None and letter.outbound.status == "sent"
        )
        views.append(
            LetterView(
                letter=letter,
                self_send=own,
                delivered=delivered,
                mailto=_mailto(target.email, letter.subject, letter.body) if own else "",
                words=words,
                over_limit=bool(own and target.word_limit and words > target.word_limit),
            )
        )
    return views


def _mailto(address, subject, body):
    query = urlencode({"subject": subject, "body": body}, quote_via=quote)
    return f"mailto:{quote(address, safe='@')}?{query}"
