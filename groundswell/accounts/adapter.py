"""allauth hooks: closed sign-up, mail in the recipient's language, our organisation's name."""

from types import SimpleNamespace
from urllib.parse import urlsplit
from uuid import uuid4

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags

from groundswell.core.mail import recipient_language


def language_for_email(email):
    """The preferred language of whoever owns `email` (their Person), else the active language."""
    from .services import person_with_email, user_with_email

    person = person_with_email(email)
    if person is None:
        user = user_with_email(email)
        person = user.person if user is not None else None
    return recipient_language(person)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # People join by taking action; accounts are made for them when they ask for a code.
        return settings.ACCOUNT_ALLOW_REGISTRATION

    def post_login(self, request, user, **kwargs):
        """Show the site in the person's own language, unless they already chose one here."""
        response = super().post_login(request, user, **kwargs)
        person = getattr(user, "person", None)
        if person is not None and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                person.language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

    def send_mail(self, template_prefix, email, context):
        """Queue allauth's mails (login codes …) in the outbox, in the recipient's language and
        under our name. Queueing, not sending, keeps the answer to "send me a code" as fast for
        an address we know as for one we do not (no SMTP round trip to time)."""
        from groundswell.messaging.services import queue_email

        site = SimpleNamespace(
            name=settings.GROUNDSWELL["ORGANISATION_NAME"],
            domain=urlsplit(settings.SITE_URL).netloc,
        )
        context = {
            "request": allauth_context.request,
            "email": email,
            "current_site": site,
            **context,
        }
        with translation.override(language_for_email(email)):
            message = self.render_mail(template_prefix, email, context)
        purpose = template_prefix.rsplit("/", 1)[-1][:40]  # "login_code", "password_reset" …
        alternatives = getattr(message, "alternatives", ())
        html = next((body for body, kind in alternatives if kind == "text/html"), "")
        if message.content_subtype == "html":  # an HTML-only template: derive the text part
            html, body = message.body, strip_tags(message.body).strip()
        else:
            body = message.body
        headers = {k: v for k, v in message.extra_headers.items() if k != "Content-Language"}
        queue_email(
            key=f"{purpose}:{uuid4().hex}",  # each code mail is a new mail, never a retry
            to=email,
            subject=message.subject,
            body=body,
            html=html,
            purpose=purpose,
            from_email=message.from_email or "",
            headers=headers,
            language=message.extra_headers.get("Content-Language", ""),
        )

    def render_mail(self, template_prefix, email, context, headers=None):
        headers = {"Content-Language": translation.get_language(), **(headers or {})}
        return super().render_mail(template_prefix, email, context, headers=headers)

    def format_email_subject(self, subject):
        return f"[{settings.GROUNDSWELL['ORGANISATION_NAME']}] {subject}"
