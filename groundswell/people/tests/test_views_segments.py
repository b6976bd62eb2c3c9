import json

from django.urls import reverse

from groundswell.people.models import Segment
from groundswell.people.services import save_segment

LIST = reverse("people:person-list")
SEGMENTS = reverse("people:segment-list")
CREATE = reverse("people:segment-create")
SENEGAL = {"field": "country", "eq": "SN"}


def names(response):
    return {person.given_name for person in response.context["page"].object_list}


def test_saving_a_segment_stores_the_criteria_and_opens_the_list_filtered_by_it(world, client_for):
    client = client_for(world.hq)
    response = client.post(CREATE, {"name": "Senegal", "criteria": json.dumps(SENEGAL)})
    segment = Segment.objects.get()
    assert (segment.name, segment.criteria, segment.created_by) == ("Senegal", SENEGAL, world.hq)
    assert response["Location"] == f"{LIST}?segment={segment.pk}"
    assert names(client.get(response["Location"])) == {"Awa", "Sam", "Ada"}


def test_a_double_submit_saves_one_segment(world, client_for):
    client = client_for(world.organiser)
    data = {"name": "Senegal", "criteria": json.dumps(SENEGAL)}
    first = client.post(CREATE, data)
    second = client.post(CREATE, data)
    assert Segment.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_the_same_name_with_other_criteria_is_another_segment(world, client_for):
    client = client_for(world.hq)
    client.post(CREATE, {"name": "Senegal", "criteria": json.dumps(SENEGAL)})
    client.post(CREATE, {"name": "Senegal", "criteria": '{"field": "country", "eq": "CI"}'})
    assert Segment.objects.count() == 2


def test_a_segment_without_a_name_or_with_bad_criteria_is_not_saved(world, client_for):
    client = client_for(world.hq)
    response = client.post(CREATE, {"name": " ", "criteria": '{"nonsense": 1}'})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"name", "criteria"}
    assert "nonsense" in response.content.decode()  # the typed criteria come back
    assert not Segment.objects.exists()


def test_the_segment_filter_is_scoped_to_the_coordinators_people(world, client_for):
    segment = save_segment("Everyone", criteria={}, actor=world.coord_a)
    response = client_for(world.coord_a).get(LIST, {"segment": segment.pk})
    assert names(response) == {"Awa", "Sam", "Ada"}
    assert response.context["listing"].segment == segment


def test_the_segment_list_counts_the_people_each_viewer_may_see(world, client_for):
    senegal = save_segment("Senegal", criteria=SENEGAL, actor=world.hq)
    everyone = save_segment("Everyone", criteria={}, actor=world.hq)
    response = client_for(world.hq).get(SEGMENTS)
    assert dict(response.context["rows"]) == {everyone: 6, senegal: 3}
    assert f"{LIST}?segment={senegal.pk}" in response.content.decode()


def test_a_coordinator_lists_only_their_own_segments_with_scoped_counts(world, client_for):
    mine = save_segment("Mine", criteria={}, actor=world.coord_a)
    save_segment("Theirs", criteria={}, actor=world.coord_b)
    response = client_for(world.coord_a).get(SEGMENTS)
    assert dict(response.context["rows"]) == {mine: 3}


def test_another_coordinators_segment_does_not_exist(world, client_for):
    theirs = save_segment("Theirs", criteria={}, actor=world.coord_b)
    client = client_for(world.coord_a)
    assert client.get(LIST, {"segment": theirs.pk}).status_code == 404
    assert client.get(reverse("people:segment-edit", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("people:segment-delete", args=[theirs.pk])).status_code == 404
    assert Segment.objects.filter(pk=theirs.pk).exists()


def test_editing_a_segment_changes_its_name_and_criteria(world, client_for):
    segment = save_segment("Senegal", criteria=SENEGAL, actor=world.hq)
    url = reverse("people:segment-edit", args=[segment.pk])
    client = client_for(world.hq)
    assert "Senegal" in client.get(url).content.decode()
    response = client.post(
        url, {"name": "Ivory Coast", "criteria": '{"field": "country", "eq": "CI"}'}
    )
    assert response.status_code == 302
    segment.refresh_from_db()
    assert (segment.name, segment.criteria) == ("Ivory Coast", {"field": "country", "eq": "CI"})


def test_editing_with_bad_criteria_keeps_the_input_and_the_old_segment(world, client_for):
    segment = save_segment("Senegal", criteria=SENEGAL, actor=world.hq)
    url = reverse("people:segment-edit", args=[segment.pk])
    response = client_for(world.hq).post(url, {"name": "Senegal", "criteria": '{"field": '})
    assert response.status_code == 200
    assert response.context["form"].errors["criteria"]
    assert "{&quot;field&quot;: " in response.content.decode()
    segment.refresh_from_db()
    assert segment.criteria == SENEGAL


def test_deleting_a_segment_asks_first_then_deletes(world, client_for):
    segment = save_segment("Senegal", criteria=SENEGAL, actor=world.coord_a)
    url = reverse("people:segment-delete", args=[segment.pk])
    client = client_for(world.coord_a)
    assert client.get(url).status_code == 200
    assert Segment.objects.exists()
    assert client.post(url)["Location"] == SEGMENTS
    assert not Segment.objects.exists()


def test_saving_from_the_list_offers_the_current_criteria(world, client_for):
    response = client_for(world.hq).get(LIST, {"criteria": json.dumps(SENEGAL)})
    html = response.content.decode()
    assert f'action="{CREATE}"' in html
    assert "&quot;country&quot;" in html
