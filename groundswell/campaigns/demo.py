"""Demo data for co-creation: one campaign in preview with feedback in three languages.

Call `ensure_preview_campaign()` after the demo people are seeded; safe to run again.
"""

from django.db import transaction

from groundswell.journeys.models import PersonStats
from groundswell.people.models import Person

from . import services
from .models import Campaign, Reaction
from .permissions import preview_stage

SLUG = "plastic-free-markets"
CONTENT = {
    "title": {
        "en": "Plastic-free markets",
        "es": "Mercados sin plástico",
        "fr": "Des marchés sans plastique",
    },
    "summary": {
        "en": "Refill stations and no single-use bags in every municipal market by 2027.",
        "es": "Puntos de recarga y cero bolsas de un solo uso en cada mercado municipal para 2027.",
        "fr": "Des stations de recharge et zéro sac jetable dans chaque marché municipal "
        "d'ici 2027.",
    },
    "description": {
        "en": "Market traders want to drop plastic but need help to switch. We will ask every "
        "council to fund refill stations and reusable crates.",
        "es": "Los comerciantes quieren dejar el plástico pero necesitan ayuda para cambiar. "
        "Pediremos a cada ayuntamiento que financie puntos de recarga y cajas reutilizables.",
        "fr": "Les commerçants veulent se passer du plastique mais ont besoin d'aide. Nous "
        "demanderons à chaque commune de financer des stations de recharge et des caisses "
        "réutilisables.",
    },
    "share_messages": {
        "whatsapp": {
            "en": "Our markets are drowning in plastic. Help shape the campaign:",
            "es": "Nuestros mercados se ahogan en plástico. Ayuda a dar forma a la campaña:",
            "fr": "Nos marchés croulent sous le plastique. Aidez à construire la campagne :",
        },
        "sms": {
            "en": "Plastic-free markets: have your say",
            "es": "Mercados sin plástico: opina",
            "fr": "Marchés sans plastique : donnez votre avis",
        },
    },
}
# Per language: the reactions of the people chosen, in turn, and the comments of the first ones.
FEEDBACK = {
    "en": (
        ["love", "love", "unsure", "love", "concern"],
        [
            "Love it. Could we start with the big Saturday market as a pilot?",
            "Traders will worry about cost: say who pays for the crates.",
        ],
    ),
    "es": (
        ["love", "unsure", "love", "concern", "love"],
        [
            "¡Me encanta! Los puestos de fruta ya usan cajas de madera.",
            "¿Qué pasa con los mercados pequeños de barrio? Que no se queden fuera.",
        ],
    ),
    "fr": (
        ["unsure", "love", "concern", "love", "love"],
        [
            "Très bonne idée, mais il faut des points d'eau pour laver les contenants.",
            "Pensez aux vendeuses des marchés informels, elles sont les plus touchées.",
        ],
    ),
}


@transaction.atomic
def ensure_preview_campaign():
    """The demo preview campaign, with reactions and comments from demo people at the preview
    stage or above (or, if too few, anyone) in English, Spanish and French."""
    campaign, _created = Campaign.objects.get_or_create(slug=SLUG, defaults=CONTENT)
    if campaign.status == Campaign.Status.DRAFT:
        services.set_campaign_status(campaign, Campaign.Status.PREVIEW, actor=None)
    if campaign.status != Campaign.Status.PREVIEW or Reaction.objects.filter(campaign=campaign):
        return campaign
    for language, (kinds, comments) in FEEDBACK.items():
        people = _voices(campaign, language, len(kinds))
        for person, kind in zip(people, kinds, strict=False):
            services.react(campaign, person, kind)
        for person, text in zip(people, comments, strict=False):
            services.comment(campaign, person, text)
    return campaign


def _voices(campaign, language, n):
    """Up to `n` people speaking `language`, those allowed to see the preview first."""
    from groundswell.accounts.demo import DEMO_SUPPORTER

    people = Person.objects.filter(language=language).exclude(email=DEMO_SUPPORTER)
    stage, chosen = preview_stage(campaign), []
    if stage is not None:
        at_stage = PersonStats.objects.filter(stage__order__gte=stage.order).values("person")
        chosen = list(people.filter(pk__in=at_stage).order_by("pk")[:n])
    if len(chosen) < n:
        chosen += list(
            people.exclude(pk__in=[p.pk for p in chosen]).order_by("pk")[: n - len(chosen)]
        )
    return chosen
