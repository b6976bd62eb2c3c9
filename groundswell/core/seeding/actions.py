"""Demo actions under the live campaigns, the submissions behind the seeded action activities,
their counts, and the share-link clicks behind the referral tree.

An activity that a submission explains (petition_signed, letter_sent, pledge_made, download) is
pointed at a live action of its kind in its campaign, as take_action would record it; the
person's second activity of a kind in one campaign stays a generic one (one submission per
person and action). A few extra submissions are flagged, for the moderation page.
"""

import random
from datetime import timedelta

from django.urls import reverse

from groundswell.actions import counters
from groundswell.actions.models import Action, Submission
from groundswell.amplification.models import CHANNELS, ShareClick

BATCH = 1000
FLAGGED_EVERY = 25  # one person in this many also left a flagged submission
CLICKS_PER_RECRUIT = (0, 3)  # clicks that led nowhere, besides the one that converted
CHANNEL_CODES = {code for code, _label in CHANNELS}

# (slug, campaign, kind, target, goal, title, intro)
ACTIONS = (
    ("clean-air-school-streets", "clean-air", "petition", "The Minister of Transport", 5000,
     {"en": "School streets now", "es": "Calles escolares ya",
      "fr": "Des rues scolaires maintenant"},
     {"en": "Close the streets around schools to traffic at opening and closing times.",
      "es": "Cerrar al tráfico las calles de las escuelas a la entrada y la salida.",
      "fr": "Fermer les rues des écoles aux voitures à l'entrée et à la sortie."}),
    ("clean-air-letter-mayor", "clean-air", "letter", "Your mayor", 1000,
     {"en": "Write to your mayor about school air", "es": "Escribe a tu alcalde sobre el aire",
      "fr": "Écrivez à votre maire sur l'air des écoles"},
     {"en": "Edit our letter and send it in a minute.",
      "es": "Edita nuestra carta y envíala en un minuto.",
      "fr": "Modifiez notre lettre et envoyez-la en une minute."}),
    ("water-public-petition", "water-is-a-right", "petition", "The national parliament", 10000,
     {"en": "Keep our water public", "es": "Que el agua siga siendo pública",
      "fr": "Gardons l'eau publique"},
     {"en": "No sale of water utilities to private companies.",
      "es": "No a la venta de las empresas de agua.",
      "fr": "Non à la vente des services de l'eau."}),
    ("water-toolkit-download", "water-is-a-right", "download", "", None,
     {"en": "Download the water campaign guide", "es": "Descarga la guía de la campaña del agua",
      "fr": "Téléchargez le guide de la campagne de l'eau"},
     {"en": "Everything you need to run a local water meeting.",
      "es": "Todo lo necesario para una reunión local sobre el agua.",
      "fr": "Tout pour animer une réunion locale sur l'eau."}),
    ("care-pay-pledge", "fair-pay-for-care", "pledge", "", 500,
     {"en": "Pledge to talk to three care workers",
      "es": "Comprométete a hablar con tres cuidadoras",
      "fr": "Engagez-vous à parler à trois aides-soignantes"},
     {"en": "Hear their stories and share them with us.",
      "es": "Escucha sus historias y compártelas con nosotros.",
      "fr": "Écoutez leurs histoires et partagez-les avec nous."}),
    ("care-pay-letter", "fair-pay-for-care", "letter", "The Minister of Labour", 2000,
     {"en": "Tell the minister: a living wage for care", "es": "Dile al ministro: salario digno",
      "fr": "Dites au ministre : un salaire digne"},
     {"en": "Carers hold our families together.", "es": "Quienes cuidan sostienen a las familias.",
      "fr": "Les soignantes tiennent nos familles debout."}),
    ("girls-school-petition", "girls-in-school", "petition", "The Minister of Education", 20000,
     {"en": "Twelve years for every girl", "es": "Doce años para cada niña",
      "fr": "Douze ans d'école pour chaque fille"},
     {"en": "Free, safe schooling for every girl.",
      "es": "Escuela gratuita y segura para cada niña.",
      "fr": "Une école gratuite et sûre pour chaque fille."}),
    ("renewables-pledge", "renewables-now", "pledge", "", 300,
     {"en": "Pledge to join a community energy meeting", "es": "Comprométete a ir a una reunión",
      "fr": "Engagez-vous à venir à une réunion énergie"},
     {"en": "Community energy starts with a room full of neighbours.",
      "es": "La energía comunitaria empieza con vecinas y vecinos.",
      "fr": "L'énergie citoyenne commence entre voisins."}),
    ("renewables-guide-download", "renewables-now", "download", "", None,
     {"en": "Download the community solar guide", "es": "Descarga la guía solar comunitaria",
      "fr": "Téléchargez le guide du solaire citoyen"},
     {"en": "How a street can own its solar roofs.", "es": "Cómo un barrio puede tener su solar.",
      "fr": "Comment une rue peut posséder ses toits solaires."}),
)  # fmt: skip

KIND_BY_ACTIVITY = {kind: activity for activity, kind in Action.ACTIVITY_KINDS.items()}


def ensure_actions(campaigns):
    """{(campaign slug, action kind): [Action]}, creating the demo actions that are missing."""
    actions = {}
    for slug, campaign, kind, target, goal, title, intro in ACTIONS:
        if campaign not in campaigns:
            continue
        action, _created = Action.objects.get_or_create(
            slug=slug,
            defaults={
                "campaign": campaigns[campaign],
                "kind": kind,
                "target": target,
                "goal": goal,
                "title": title,
                "intro": intro,
                "status": Action.Status.LIVE,
            },
        )
        actions.setdefault((campaign, kind), []).append(action)
    return actions


def link_activities(planned, actions):
    """Point action activities at a demo action; [(person index, Action, PlannedActivity)]."""
    taken = []
    for person in planned:
        done = set()
        for activity in person.activities:
            kind = KIND_BY_ACTIVITY.get(activity.kind)
            if kind is None or kind == Action.Kind.SHARE:
                continue
            fresh = [a for a in actions.get((activity.campaign, kind), ()) if a.pk not in done]
            if fresh:
                activity.object_type, activity.object_id = "action", fresh[0].pk
                done.add(fresh[0].pk)
                taken.append((person.index, fresh[0], activity))
    return taken


def insert_submissions(taken, planned, ids, actions, *, now):
    """Confirmed submissions for the linked activities, a few flagged ones, then the counts."""
    rows = [
        Submission(
            person_id=ids[index],
            action=action,
            status=Submission.Status.CONFIRMED,
            channel=activity.channel,
            confirmed_at=activity.occurred_at,
        )
        for index, action, activity in taken
    ]
    times = [activity.occurred_at for _index, _action, activity in taken]
    rows += _flagged(taken, planned, ids, actions, times, now)
    Submission.objects.bulk_create(rows, batch_size=BATCH)
    from .write import backdate

    backdate(
        Submission, ["created_at"], [(at, row.pk) for at, row in zip(times, rows, strict=True)]
    )
    every = [action for group in actions.values() for action in group]
    for action in every:
        counters.recount(action.pk)
    return len(rows)


def _flagged(taken, planned, ids, actions, times, now):
    """Submissions caught by the rate limits from people who did not otherwise take that action."""
    done = {(index, action.pk) for index, action, _activity in taken}
    every = sorted((a for group in actions.values() for a in group), key=lambda a: a.pk)
    rows = []
    for person in planned[::FLAGGED_EVERY]:
        action = every[person.index % len(every)] if every else None
        if action is None or (person.index, action.pk) in done:
            continue
        at = min(person.active_until, now - timedelta(minutes=1))
        rows.append(
            Submission(
                person_id=ids[person.index],
                action=action,
                status=Submission.Status.CONFIRMED,
                flagged=True,
                flag_reason="ip_rate" if person.index % 2 else "domain_rate",
                channel=person.channel,
                confirmed_at=at,
            )
        )
        times.append(at)
    return rows


def insert_share_clicks(planned, ids, campaigns, actions):
    """The click that brought each recruit in, and a few that led nowhere."""
    rng = random.Random(f"share-clicks:{len(planned)}")  # noqa: S311 - demo data
    by_campaign = {campaign: group[0] for (campaign, _kind), group in sorted(actions.items())}
    people = {p.index: p for p in planned}
    rows = []
    for person in planned:
        if person.referred_by is None:
            continue
        action = by_campaign.get(person.campaigns[0])
        path = reverse("actions:action-detail", args=[action.slug]) if action else "/"
        channel = person.channel if person.channel in CHANNEL_CODES else "copy"
        code = people[person.referred_by].referral_code
        campaign_id = campaigns[person.campaigns[0]].pk
        for n in range(1 + rng.randint(*CLICKS_PER_RECRUIT)):
            rows.append(
                ShareClick(
                    code=code,
                    channel=channel,
                    campaign_id=campaign_id,
                    path=path,
                    at=person.created_at - timedelta(minutes=5 + 90 * n),
                    converted_id=ids[person.index] if n == 0 else None,
                )
            )
    ShareClick.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)
