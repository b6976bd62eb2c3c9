"""The five default rungs of the engagement ladder. Staff edit names, descriptions and rules in
the admin; this only seeds a database that has no ladder yet."""

from django.db import migrations

ACTIVE_90_DAYS = [
    {"count": "actions", "gte": 3, "within_days": 90},
    {"count": "event_attended", "gte": 2, "within_days": 90},
    {
        "all": [
            {"count": "actions", "gte": 1, "within_days": 90},
            {"count": "event_attended", "gte": 1, "within_days": 90},
        ]
    },
]

STAGES = [
    {
        "slug": "discovery",
        "order": 10,
        "name": {"en": "Discovery", "es": "Descubrimiento", "fr": "Découverte"},
        "description": {
            "en": "You found us and joined the movement. Welcome!",
            "es": "Nos encontraste y te uniste al movimiento. ¡Te damos la bienvenida!",
            "fr": "Vous nous avez trouvés et avez rejoint le mouvement. Bienvenue !",
        },
        "rule": {},
    },
    {
        "slug": "intention",
        "order": 20,
        "name": {"en": "Intention", "es": "Intención", "fr": "Intention"},
        "description": {
            "en": "You said you want to get involved: you subscribed to updates, or signed up "
            "for an event, a course or a local group.",
            "es": "Dijiste que quieres participar: te suscribiste a las novedades o te apuntaste "
            "a un evento, un curso o un grupo local.",
            "fr": "Vous avez dit vouloir vous impliquer : abonnement aux nouvelles, inscription à "
            "un événement, à une formation ou à un groupe local.",
        },
        "rule": {
            "any": [
                {"count": "subscribed", "gte": 1},
                {"count": "event_rsvp", "gte": 1},
                {"count": "course_enrolled", "gte": 1},
                {"count": "group_joined", "gte": 1},
            ]
        },
    },
    {
        "slug": "taking_action",
        "order": 30,
        "name": {"en": "Taking action", "es": "Pasando a la acción", "fr": "Passage à l'action"},
        "description": {
            "en": "You took action: you signed, wrote, shared or showed up.",
            "es": "Pasaste a la acción: firmaste, escribiste, compartiste o acudiste.",
            "fr": "Vous êtes passé·e à l'action : signer, écrire, partager ou venir en personne.",
        },
        "rule": {"any": [{"count": "actions", "gte": 1}, {"count": "event_attended", "gte": 1}]},
    },
    {
        "slug": "sustaining",
        "order": 40,
        "name": {"en": "Sustaining", "es": "Compromiso constante", "fr": "Engagement durable"},
        "description": {
            "en": "You keep at it: several actions or events in the last three months.",
            "es": "Sigues en la lucha: varias acciones o eventos en los últimos tres meses.",
            "fr": "Vous tenez la distance : plusieurs actions ou événements ces trois derniers mois.",
        },
        "rule": {"any": ACTIVE_90_DAYS},
        "demote_after_days": 180,
    },
    {
        "slug": "leader",
        "order": 50,
        "name": {
            "en": "Activist and leader",
            "es": "Activista y líder",
            "fr": "Militant·e et leader",
        },
        "description": {
            "en": "You bring others along: you host events, recruit friends or lead a group.",
            "es": "Sumas a otras personas: organizas eventos, invitas a tus amistades o coordinas un grupo.",
            "fr": "Vous entraînez les autres : vous organisez des événements, recrutez vos proches "
            "ou animez un groupe.",
        },
        "rule": {
            "any": [
                {"count": "event_hosted", "gte": 1},
                {"count": "recruited", "gte": 3},
                {"count": "group_led", "gte": 1},
            ]
        },
        "demote_after_days": 365,
    },
]


def create_stages(apps, schema_editor):
    Stage = apps.get_model("journeys", "Stage")
    if Stage.objects.exists():
        return
    for stage in STAGES:
        Stage.objects.create(**stage)


def remove_stages(apps, schema_editor):
    Stage = apps.get_model("journeys", "Stage")
    Stage.objects.filter(slug__in=[stage["slug"] for stage in STAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("journeys", "0001_initial")]

    operations = [migrations.RunPython(create_stages, remove_stages)]
