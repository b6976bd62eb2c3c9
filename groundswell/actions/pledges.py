"""How a pledge reads: "attend 10 events" from the pledged counter and its number."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from groundswell.journeys.kinds import COUNTERS

# counter -> the commitment, as the end of "I pledge to …"; the rest use FALLBACK.
PHRASES = {
    "event_attended": ngettext_lazy("attend %(n)d event", "attend %(n)d events", "n"),
    "event_hosted": ngettext_lazy("host %(n)d event", "host %(n)d events", "n"),
    "event_rsvp": ngettext_lazy("sign up for %(n)d event", "sign up for %(n)d events", "n"),
    "recruited": ngettext_lazy(
        "bring %(n)d person into the campaign", "bring %(n)d people into the campaign", "n"
    ),
    "outreach_sent": ngettext_lazy(
        "reach out to %(n)d contact", "reach out to %(n)d contacts", "n"
    ),
    "lesson_completed": ngettext_lazy("complete %(n)d lesson", "complete %(n)d lessons", "n"),
    "course_completed": ngettext_lazy("complete %(n)d course", "complete %(n)d courses", "n"),
    "petition_signed": ngettext_lazy("sign %(n)d petition", "sign %(n)d petitions", "n"),
    "letter_sent": ngettext_lazy("send %(n)d letter", "send %(n)d letters", "n"),
    "shared": ngettext_lazy("share %(n)d action", "share %(n)d actions", "n"),
    "actions": ngettext_lazy("take %(n)d action", "take %(n)d actions", "n"),
    "download": ngettext_lazy("download %(n)d guide", "download %(n)d guides", "n"),
    "feedback_given": ngettext_lazy("give feedback %(n)d time", "give feedback %(n)d times", "n"),
}
FALLBACK = _("reach %(n)d in “%(label)s”")


def commitment(action, amount=None):
    """The pledge in the active language, to follow "I pledge to": e.g. "attend 10 events"."""
    n = amount or action.pledge_amount or 1
    phrase = PHRASES.get(action.pledge_counter)
    if phrase is not None:
        return phrase % {"n": n}
    _kinds, label = COUNTERS.get(action.pledge_counter, (None, _("Actions taken")))
    return FALLBACK % {"label": label, "n": n}
