import pytest
from django.urls import reverse

from groundswell.accounts.models import User

pytestmark = pytest.mark.django_db


def test_an_hq_admin_adds_an_organiser_in_the_admin_and_it_goes_through_the_service(
    client_for, world, django_capture_on_commit_callbacks, mailoutbox
):
    client = client_for(world.hq)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_user_add"), {"email": "Zoe@HQ.example.org", "role": "organiser"}
        )

    assert response.status_code == 302
    user = User.objects.get(email="zoe@hq.example.org")
    assert (user.role, user.is_staff, user.is_superuser) == ("organiser", True, False)
    assert [m.to for m in mailoutbox] == [["zoe@hq.example.org"]]


def test_the_admin_add_form_explains_why_a_coordinator_needs_a_person(client_for, world):
    response = client_for(world.hq).post(
        reverse("admin:accounts_user_add"), {"email": "ghost@example.org", "role": "coordinator"}
    )

    assert response.status_code == 200
    assert "must first be a person" in response.content.decode()
    assert not User.objects.filter(email="ghost@example.org").exists()


def test_changing_the_role_in_the_admin_changes_the_admin_flags(client_for, world):
    client = client_for(world.hq)
    url = reverse("admin:accounts_user_change", args=[world.organiser.pk])
    assert client.get(url).status_code == 200

    response = client.post(
        url,
        {
            "email": world.organiser.email,
            "role": "hq_admin",
            "is_active": "on",
            "first_name": "",
            "last_name": "",
            "person": "",
        },
    )

    assert response.status_code == 302
    world.organiser.refresh_from_db()
    assert (world.organiser.role, world.organiser.is_superuser) == ("hq_admin", True)


def test_the_user_list_filters_by_role(client_for, world):
    response = client_for(world.hq).get(
        reverse("admin:accounts_user_changelist"), {"role": "supporter"}
    )

    assert response.status_code == 200
    assert list(response.context["cl"].queryset) == sorted(
        [world.supporter, world.outsider], key=lambda u: u.email
    )
