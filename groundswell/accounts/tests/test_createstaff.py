from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from groundswell.accounts.models import User
from groundswell.test import make_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_createstaff_invites_the_new_organiser_by_email_on_the_wire(smtp_server):
    out = StringIO()

    call_command("createstaff", email="nia@hq.example.org", role="organiser", stdout=out)

    user = User.objects.get(email="nia@hq.example.org")
    assert user.role == User.Role.ORGANISER and user.is_staff
    (message,) = smtp_server.to("nia@hq.example.org")
    assert "/accounts/login/code/" in smtp_server.text(message)
    assert "nia@hq.example.org" in out.getvalue()


def test_createstaff_invites_in_the_language_of_the_linked_person(smtp_server):
    make_person("ines@example.org", given_name="Inès", language="es")

    call_command("createstaff", email="ines@example.org", role="coordinator", stdout=StringIO())

    (message,) = smtp_server.to("ines@example.org")
    assert message["Content-Language"] == "es"
    assert '<html lang="es">' in smtp_server.html(message)
    assert User.objects.get(email="ines@example.org").person.given_name == "Inès"


def test_createstaff_can_take_a_password_from_standard_input_and_then_sends_nothing(smtp_server):
    call_command(
        "createstaff",
        "--password-stdin",
        email="kwame@hq.example.org",
        role="hq_admin",
        stdin=StringIO("a-long-and-unusual-passphrase\n"),
        stdout=StringIO(),
    )

    user = User.objects.get(email="kwame@hq.example.org")
    assert user.check_password("a-long-and-unusual-passphrase")
    assert user.is_superuser
    assert smtp_server.messages == []


def test_createstaff_refuses_an_email_that_already_has_a_user(smtp_server):
    call_command("createstaff", email="nia@hq.example.org", role="organiser", stdout=StringIO())

    with pytest.raises(CommandError, match="already"):
        call_command("createstaff", email="NIA@hq.example.org", role="hq_admin", stdout=StringIO())
    assert User.objects.get(email="nia@hq.example.org").role == User.Role.ORGANISER
