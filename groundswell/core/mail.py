"""Render (and send) one templated email in the recipient's language.

Templates live at emails/<name>-subject.txt, emails/<name>-body.txt and (optional)
emails/<name>-body.html. core imports nothing of ours, so a recipient is anything with
`email` and `language` attributes (a Person) or a plain address. The outbox
(groundswell.messaging) queues what `render_templated_mail` renders; `send_templated_mail`
sends it at once, for the few mails that must not wait for a worker (a staff invitation).
"""

from contextlib import suppress
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation


@dataclass(frozen=True)
class RenderedMail:
    """One email as rendered for one recipient, ready to queue or send."""

    to: str
    subject: str
    body: str
    html: str
    language: str


def recipient_language(person_or_address, language=None):
    """The language to write to this recipient in: explicit, else theirs, else the active one."""
    return (
        language
        or getattr(person_or_address, "language", None)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )


def render_templated_mail(person_or_address, template_prefix, context, *, language=None):
    """Render emails/<template_prefix>-* in the recipient's language; None if no address."""
    if isinstance(person_or_address, str):
        address, person = person_or_address, None
    else:
        address, person = getattr(person_or_address, "email", None), person_or_address
    if not address:
        return None
    name = template_prefix if "/" in template_prefix else f"emails/{template_prefix}"
    language = recipient_language(person_or_address, language)
    with translation.override(language):
        context = {
            "ORGANISATION_NAME": settings.GROUNDSWELL["ORGANISATION_NAME"],
            "SITE_URL": settings.SITE_URL,
            "LANGUAGE_CODE": language,
            "recipient": person,
            **context,
        }
        subject = " ".join(render_to_string(f"{name}-subject.txt", context).split())
        body = render_to_string(f"{name}-body.txt", context).strip()
        html = ""
        with suppress(TemplateDoesNotExist):  # a plain-text email is complete on its own
            html = render_to_string(f"{name}-body.html", context)
    return RenderedMail(to=address, subject=subject, body=body, html=html, language=language)


def send_templated_mail(person_or_address, template_prefix, context, *, language=None):
    """Render emails/<template_prefix>-* in the recipient's language and send; 0 if no address."""
    rendered = render_templated_mail(person_or_address, template_prefix, context, language=language)
    if rendered is None:
        return 0
    message = EmailMultiAlternatives(
        rendered.subject,
        rendered.body,
        to=[rendered.to],
        headers={"Content-Language": rendered.language},
    )
    if rendered.html:
        message.attach_alternative(rendered.html, "text/html")
    return message.send()
