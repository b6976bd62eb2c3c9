"""Users who log in: staff with passwords, supporters with emailed codes."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, role=User.Role.HQ_ADMIN)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    class Role(models.TextChoices):
        HQ_ADMIN = "hq_admin", _("HQ admin")
        ORGANISER = "organiser", _("Organiser")
        COORDINATOR = "coordinator", _("Group coordinator")
        SUPPORTER = "supporter", _("Supporter")

    username = None
    email = models.EmailField(_("email"), unique=True)
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.SUPPORTER)
    person = models.OneToOneField(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="user"
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    def __str__(self):
        return self.email

    @property
    def is_organiser(self):
        return self.role in {self.Role.HQ_ADMIN, self.Role.ORGANISER}
