from django.urls import reverse

from groundswell.events import services
from groundswell.events.models import Feedback


def test_the_follow_up_link_preselects_the_rating_and_records_the_answer(client, event, guest):
    found, _ = services.rsvp(event, person=guest("ana@example.org"))
    url = reverse("events:feedback", args=[services.rsvp_token(found)])

    form = client.get(url, {"rating": "4"}).content.decode()
    done = client.post(url, {"rating": "4", "comment": "Lovely"}).content.decode()

    assert 'value="4" id="id_rating_3" checked' in form or (
        'value="4"' in form and "checked" in form
    )
    assert "Thank you for your feedback" in done
    assert (Feedback.objects.get().rating, Feedback.objects.get().comment) == (4, "Lovely")


def test_no_rating_asks_for_one_and_keeps_the_comment(client, event, guest):
    found, _ = services.rsvp(event, person=guest("ana@example.org"))
    url = reverse("events:feedback", args=[services.rsvp_token(found)])

    html = client.post(url, {"comment": "Kept text"}).content.decode()

    assert "Choose a rating from 1 to 5." in html and "Kept text" in html
    assert not Feedback.objects.exists()


def test_a_forged_feedback_link_is_a_404(client, db):
    assert client.get(reverse("events:feedback", args=["forged"])).status_code == 404
