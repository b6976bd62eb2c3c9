"""allauth hooks: closed sign-up, mail in the recipient's language, our organisation's name."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

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
        """Send allauth's mails (login codes …) in the recipient's language, under our name."""
        site = SimpleNamespace(
            name=settings.GROUNDSWELL["ORGANISATION_NAME"],
            domain=urlsplit(settings.SITE_URL).netloc,
        )
        with translation.override(language_for_email(email)):
            super().send_mail(template_prefix, email, {"current_site": site, **context})

    def render_mail(self, template_prefix, email, context, headers=None):
        headers = {"Content-Language": translation.get_language(), **(headers or {})}
        return super().render_mail(template_prefix, email, context, headers=headers)

    def format_email_subject(self, subject):
        return f"[{settings.GROUNDSWELL['ORGANISATION_NAME']}] {subject}"
