"""Demo actions of every kind with their content (letter targets, a pledge, a guide to download,
the share toolkit) and a few submissions made through take_action. Safe to run again."""

from django.core.files.base import ContentFile
from django.db import transaction

from groundswell.campaigns.models import Asset

from .models import Action, LetterTarget
from .services import take_action

CAMPAIGN = "clean-air"
LETTER = {
    "slug": "clean-air-letter-council",
    "title": {
        "en": "Write to the city council about school air",
        "es": "Escribe al ayuntamiento sobre el aire de las escuelas",
        "fr": "Écrivez au conseil municipal sur l'air des écoles",
    },
    "intro": {
        "en": "Edit our letter: it goes to two councillors, and to the local paper if you like.",
        "es": "Edita nuestra carta: va a dos concejales y, si quieres, al diario local.",
        "fr": "Modifiez notre lettre : elle part à deux élus, et au journal local si vous voulez.",
    },
    "letter_subject": {
        "en": "Clean air around our schools",
        "es": "Aire limpio en nuestras escuelas",
        "fr": "De l'air pur autour de nos écoles",
    },
    "letter_body": {
        "en": "Dear councillor,\n\nChildren breathe the most polluted air of the day at the school "
        "gate. Please close the streets around schools to traffic at opening and closing "
        "times, as other cities already do.\n\nYours sincerely,",
        "es": "Estimada concejala, estimado concejal:\n\nLos niños respiran el aire más "
        "contaminado del día a la puerta de la escuela. Cierren al tráfico las calles de las "
        "escuelas a la entrada y a la salida, como ya hacen otras ciudades.\n\nAtentamente,",
        "fr": "Madame, Monsieur,\n\nLes enfants respirent l'air le plus pollué de la journée "
        "devant l'école. Fermez les rues des écoles aux voitures à l'entrée et à la sortie, "
        "comme d'autres villes le font déjà.\n\nVeuillez agréer mes salutations,",
    },
}
TARGETS = (
    (
        "decision_maker",
        "Cllr Maya Okafor",
        "Chair, transport committee",
        "m.okafor@council.example",
        None,
    ),
    (
        "decision_maker",
        "Cllr Tom Reyes",
        "Chair, education committee",
        "t.reyes@council.example",
        None,
    ),
    ("newspaper", "The Evening Post", "Letters to the editor", "letters@eveningpost.example", 250),
)
PLEDGE = {
    "slug": "clean-air-pledge-meetings",
    "title": {
        "en": "Pledge to come to our meetings",
        "es": "Comprométete a venir a las reuniones",
        "fr": "Engagez-vous à venir aux réunions",
    },
    "intro": {
        "en": "Campaigns are won by the people who keep showing up.",
        "es": "Las campañas las ganan quienes siguen viniendo.",
        "fr": "Les campagnes se gagnent avec celles et ceux qui reviennent.",
    },
    "pledge_counter": "event_attended",
    "pledge_amount": 3,
    "pledge_amount_editable": True,
    "pledge_amount_max": 12,
    "pledge_days": 120,
}
DOWNLOAD = {
    "slug": "clean-air-organising-guide",
    "title": {
        "en": "Download the school streets organising guide",
        "es": "Descarga la guía para organizar calles escolares",
        "fr": "Téléchargez le guide pour organiser une rue scolaire",
    },
    "intro": {
        "en": "Eight pages on running a school street trial with parents and teachers.",
        "es": "Ocho páginas para organizar una prueba con familias y docentes.",
        "fr": "Huit pages pour organiser un essai avec parents et enseignants.",
    },
    "signup_required": True,
}
SHARE = {
    "slug": "clean-air-share",
    "title": {
        "en": "Spread the word about clean air",
        "es": "Difunde la campaña del aire limpio",
        "fr": "Faites connaître la campagne pour l'air pur",
    },
    "intro": {
        "en": "Ready-made messages for every app: copy, paste, send.",
        "es": "Mensajes listos para cada aplicación: copia, pega, envía.",
        "fr": "Des messages prêts pour chaque appli : copiez, collez, envoyez.",
    },
}
GUIDE_LINES = (
    "School streets: an organising guide",
    "1. Find three parents and one teacher.",
    "2. Count the cars at the gate for one week.",
    "3. Ask the council for a six-week trial.",
    "4. Celebrate the first car-free morning together.",
)
SUBMISSIONS = 12  # per action


@transaction.atomic
def seed_demo_actions(campaigns, people, rng):
    """{kind: Action}: the demo letter, pledge, download and share actions under the clean air
    campaign (when it is in `campaigns`), each with up to SUBMISSIONS submissions by `people`."""
    campaign = campaigns.get(CAMPAIGN)
    if campaign is None:
        return {}
    letter = _action(campaign, Action.Kind.LETTER, LETTER)
    for order, (kind, name, role, email, limit) in enumerate(TARGETS):
        LetterTarget.objects.get_or_create(
            action=letter,
            email=email,
            defaults={
                "kind": kind,
                "name": name,
                "role": role,
                "word_limit": limit,
                "order": order,
            },
        )
    download = _action(campaign, Action.Kind.DOWNLOAD, {**DOWNLOAD, "asset": _guide(campaign)})
    actions = {
        "letter": letter,
        "pledge": _action(campaign, Action.Kind.PLEDGE, PLEDGE),
        "download": download,
        "share": _action(campaign, Action.Kind.SHARE, SHARE),
    }
    people = [person for person in people if person.email]
    for kind, action in actions.items():
        if action.submissions.exists() or not people:
            continue
        for person in rng.sample(people, min(SUBMISSIONS, len(people))):
            data = _data(person, kind, rng)
            take_action(action, data=data, language=person.language or "en", channel="web")
    return actions


def _action(campaign, kind, fields):
    fields = dict(fields)
    action, _created = Action.objects.get_or_create(
        slug=fields.pop("slug"),
        defaults={"campaign": campaign, "kind": kind, "status": Action.Status.LIVE, **fields},
    )
    return action


def _data(person, kind, rng):
    data = {
        "given_name": person.given_name or "Demo",
        "family_name": person.family_name,
        "email": person.email,
        "country": person.country,
        "locality": person.locality,
        "consent": True,
    }
    if kind == "pledge":
        data["amount"] = rng.randint(1, 6)
    return data


def _guide(campaign):
    """The guide as a small real PDF in the toolkit (created once)."""
    asset = Asset.objects.filter(
        campaign=campaign, file__endswith="school-streets-guide.pdf"
    ).first()
    if asset is not None:
        return asset
    content = pdf(GUIDE_LINES)
    asset = Asset(
        campaign=campaign,
        kind=Asset.Kind.GUIDE,
        title={"en": "School streets organising guide", "es": "Guía de calles escolares",
               "fr": "Guide des rues scolaires"},
        content_type="application/pdf",
        size=len(content),
    )  # fmt: skip
    asset.file.save("school-streets-guide.pdf", ContentFile(content), save=False)
    asset.save()
    return asset


def pdf(lines):
    """A one-page PDF with `lines` of text in Helvetica: enough for a real file to download."""
    text = (
        "BT /F1 14 Tf 72 760 Td 18 TL "
        + " ".join(
            "({}) '".format(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
            for line in lines
        )
        + " ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text.encode("latin-1")),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
