"""The kinds of Activity, and the counters the ladder and segments read.

One list for the whole project, so criteria can be validated against it. A counter is a
named set of kinds; the busiest counters have their own column on PersonStats.
"""

from django.utils.translation import gettext_lazy as _

KINDS = {
    # discovery / intention
    "signed_up": _("Signed up"),
    "subscribed": _("Subscribed to updates"),
    "group_joined": _("Joined a group"),
    "event_rsvp": _("RSVPed to an event"),
    "course_enrolled": _("Enrolled in a course"),
    # taking action
    "petition_signed": _("Signed a petition"),
    "letter_sent": _("Sent a letter"),
    "pledge_made": _("Made a pledge"),
    "download": _("Downloaded a guide"),
    "shared": _("Shared an action"),
    "form_submitted": _("Submitted a form"),
    # sustaining
    "event_attended": _("Attended an event"),
    "lesson_completed": _("Completed a lesson"),
    "course_completed": _("Completed a course"),
    "feedback_given": _("Gave feedback"),
    "message_replied": _("Replied to a message"),
    "goal_reached": _("Reached a goal"),
    "badge_earned": _("Earned a badge"),
    # activist / leader
    "recruited": _("Recruited someone"),
    "event_hosted": _("Hosted an event"),
    "outreach_sent": _("Reached out to a contact"),
    "mentor_checkin": _("Mentor check-in"),
    "group_led": _("Started coordinating a group"),
}

ACTION_KINDS = frozenset(
    {"petition_signed", "letter_sent", "pledge_made", "download", "shared", "form_submitted"}
)

# counter name -> (kinds it counts, label). Every kind is also a counter of itself.
COUNTERS = {
    "actions": (ACTION_KINDS, _("Actions taken")),
    "activities": (frozenset(KINDS), _("Any activity")),
    **{kind: (frozenset({kind}), label) for kind, label in KINDS.items()},
}

# Counters with their own indexed column on PersonStats (the rest live in PersonStats.counts).
COLUMN_COUNTERS = {
    "actions": "actions",
    "activities": "activities",
    "event_attended": "events_attended",
    "event_hosted": "events_hosted",
    "recruited": "recruits",
    "course_completed": "courses_completed",
}


def counters_for_kind(kind):
    """The counter names that one activity of `kind` increments."""
    return [name for name, (kinds, _label) in COUNTERS.items() if kind in kinds]


# The counters people may set themselves a goal on ("my journey"), named as things one counts.
GOAL_COUNTERS = {
    "actions": _("Actions taken"),
    "petition_signed": _("Petitions signed"),
    "event_attended": _("Events attended"),
    "event_hosted": _("Events hosted"),
    "recruited": _("People recruited"),
    "course_completed": _("Courses completed"),
    "lesson_completed": _("Lessons completed"),
    "outreach_sent": _("Contacts reached out to"),
}
