"""State changes for log-ins: supporters' users made on demand, staff users and their roles."""

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from groundswell.core.audit import audit
from groundswell.core.mail import send_templated_mail
from groundswell.people import validators
from groundswell.people.models import Person

from .models import User

STAFF_ROLES = (User.Role.HQ_ADMIN, User.Role.ORGANISER, User.Role.COORDINATOR)

# role -> (is_staff, is_superuser): HQ admins run the Django admin, organisers may read it.
ROLE_FLAGS = {
    User.Role.HQ_ADMIN: (True, True),
    User.Role.ORGANISER: (True, False),
    User.Role.COORDINATOR: (False, False),
    User.Role.SUPPORTER: (False, False),
}


def normalise_email(email):
    """An address as people and users store it (lower-case, IDNA domain); None if not one."""
    try:
        return validators.normalise_email(email)
    except ValidationError:
        return None


def person_with_email(email):
    """The Person whose email is `email`, or None."""
    normalised = normalise_email(email)
    return Person.objects.filter(email=normalised).first() if normalised else None


def user_with_email(email):
    normalised = normalise_email(email)
    return User.objects.filter(email=normalised).first() if normalised else None


@transaction.atomic
def ensure_user_for_person(email, *, actor=None):
    """The User who logs in as `email`: existing, or made now (a supporter without a password)
    for the Person with that email; None when nobody has it, so nothing is sent."""
    user = user_with_email(email)
    if user is not None:
        return user
    person = person_with_email(email)
    if person is None or User.objects.filter(person=person).exists():
        return None
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                person.email, None, role=User.Role.SUPPORTER, person=person
            )
    except IntegrityError:
        # Two requests for the same code at once: the other one made the user.
        return User.objects.filter(email=person.email, person=person).first()
    audit("user.created_for_person", user, actor=actor, person_id=person.pk)
    return user


def check_new_staff(email, *, role):
    """(normalised email, Person to link or None) for a new staff user, or ValidationError."""
    if role not in STAFF_ROLES:
        raise ValidationError(_("%(role)s is not a staff role.") % {"role": role})
    normalised = normalise_email(email)
    if not normalised:
        raise ValidationError(_("Enter a valid email address."))
    if User.objects.filter(email=normalised).exists():
        raise ValidationError(_("There is already a user with this email."))
    person = person_with_email(normalised)
    if person is not None and User.objects.filter(person=person).exists():
        person = None
    if role == User.Role.COORDINATOR and person is None:
        raise ValidationError(
            _("A coordinator must first be a person in the database, with this email.")
        )
    return normalised, person


@transaction.atomic
def create_staff_user(email, *, role, password=None, actor=None):
    """Create a staff user with `role`, linked to the Person with that email if there is one.

    Without a password they are invited by email to sign in with a code (and then set one)."""
    normalised, person = check_new_staff(email, role=role)
    if password is not None:
        password_validation.validate_password(password, User(email=normalised))
    is_staff, is_superuser = ROLE_FLAGS[role]
    user = User.objects.create_user(
        normalised, password, role=role, person=person, is_staff=is_staff, is_superuser=is_superuser
    )
    audit("user.created", user, actor=actor, role=role)
    if password is None:
        transaction.on_commit(lambda: send_staff_invitation(user))
    return user


def send_staff_invitation(user):
    """Email a new staff user how to sign in the first time (with a code), in their language."""
    send_templated_mail(
        user.person or user.email,
        "staff-invitation",
        {
            "user": user,
            "role": User.Role(user.role).label,
            "login_url": settings.SITE_URL.rstrip("/") + reverse("account_request_login_code"),
        },
    )


@transaction.atomic
def change_role(user, *, role, actor=None):
    """Give `user` another role, with the admin flags that go with it."""
    previous = user.role
    user.role = role
    user.is_staff, user.is_superuser = ROLE_FLAGS[role]
    user.save(update_fields=["role", "is_staff", "is_superuser"])
    audit("user.role_changed", user, actor=actor, role=role, previous=previous)
    return user
