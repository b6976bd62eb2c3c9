"""Next best actions from this app: live actions the person has not taken yet, in their language."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from groundswell.core.i18n import localized
from groundswell.journeys.next_steps import Suggestion, register_provider

from .models import Action

MAX_SUGGESTIONS = 2  # leave room on the page for the ladder's own next step
PRIORITY = 100  # above every generic suggestion (rule gaps top out at 90)


def open_actions(person, facts, next_stage):
    """Live actions with a title in the person's language that they have not submitted to."""
    language = (person.language or "")[:2]
    actions = (
        Action.objects.filter(status=Action.Status.LIVE)
        .exclude(submissions__person=person)
        .order_by("-created_at", "-pk")
    )
    suggestions = []
    for action in actions.iterator():
        if len(suggestions) == MAX_SUGGESTIONS:
            break
        if language and not action.title.get(language):
            continue
        with translation.override(language or None):
            why = localized(action.intro) or _("A new action is open: it takes a minute.")
        suggestions.append(
            Suggestion(
                title=localized(action.title, language),
                why=why,
                url=reverse("actions:action-detail", args=[action.slug]),
                priority=PRIORITY,
            )
        )
    return suggestions


register_provider(open_actions)
