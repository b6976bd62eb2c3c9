"""Forms: the login-code request that lets a known supporter in before they have an account."""

from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm

from .services import ensure_user_for_person


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """allauth's form, plus: a Person with this email but no User yet gets one, so the code is sent.

    Unknown addresses get the same answer as known ones (ACCOUNT_PREVENT_ENUMERATION)."""

    def clean_email(self):
        # Rate limits come first, so this cannot be used to make users quickly.
        email = super().clean_email()
        if email and self._user is None:
            user = ensure_user_for_person(email)
            self._user = user if user is not None and user.is_active else None
        return email
