import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from groundswell.groups.services import add_member
from groundswell.people.services import tag_person, update_person
from groundswell.test import make_person

URL = reverse("people:person-list")
# session, user, the coordinator's person and groups, stages and tags for the builder, count, page
QUERIES = 8


def names(response):
    return {person.given_name for person in response.context["page"].object_list}


def builder_data(*rows, combine="all", **extra):
    """GET data for the segment builder with `rows` (dicts of row fields)."""
    data = {"c-TOTAL_FORMS": str(len(rows)), "c-INITIAL_FORMS": "0", "combine": combine, **extra}
    for index, row in enumerate(rows):
        data.update({f"c-{index}-{key}": value for key, value in row.items()})
    return data


def test_hq_sees_everyone(world, client_for):
    response = client_for(world.hq).get(URL)
    assert response.status_code == 200
    assert names(response) == {"Awa", "Sam", "Ada", "Kofi", "Bola", "Olive"}
    assert b"Awa" in response.content
    assert b"style=" not in response.content  # the CSP forbids inline styles


def test_a_coordinator_sees_only_the_people_of_their_group(world, client_for):
    response = client_for(world.coord_a).get(URL)
    assert names(response) == {"Awa", "Sam", "Ada"}
    assert b"Kofi" not in response.content


def test_a_supporter_is_refused_and_a_visitor_is_sent_to_sign_in(world, client, client_for):
    assert client.get(URL).status_code == 302
    assert client_for(world.supporter).get(URL).status_code == 403


def test_search_matches_a_name_an_email_or_a_phone(world, client_for):
    update_person(world.person_b, phone="+2250700000001")
    client = client_for(world.hq)
    assert names(client.get(URL, {"q": "awa"})) == {"Awa"}
    assert names(client.get(URL, {"q": "kofi@example"})) == {"Kofi"}
    assert names(client.get(URL, {"q": "07 00 00 00 01"})) == {"Kofi"}
    assert names(client.get(URL, {"q": "nobody-like-this"})) == set()


def test_search_stays_within_the_coordinators_group(world, client_for):
    assert names(client_for(world.coord_a).get(URL, {"q": "kofi"})) == set()


def test_a_builder_row_filters_the_list_and_describes_the_criteria(world, client_for):
    row = {"type": "field", "field": "country", "field_op": "eq", "field_value": "ci"}
    response = client_for(world.hq).get(URL, builder_data(row))
    assert names(response) == {"Kofi", "Bola"}
    assert response.context["listing"].criteria == {"field": "country", "eq": "CI"}
    assert response.context["description"]
    assert escape(response.context["description"]) in response.content.decode()
    assert "2 people match" in response.content.decode()


def test_builder_rows_combine_with_any(world, client_for):
    tag_person(world.person_a, "host")
    rows = (
        {"type": "tag", "tag": "host"},
        {"type": "field", "field": "country", "field_op": "in", "field_value": "GB, CI"},
    )
    response = client_for(world.hq).get(URL, builder_data(*rows, combine="any"))
    assert names(response) == {"Awa", "Kofi", "Bola", "Olive"}


def test_a_negated_row_excludes_its_people(world, client_for):
    row = {
        "type": "field",
        "field": "country",
        "field_op": "eq",
        "field_value": "SN",
        "negate": "on",
    }
    response = client_for(world.hq).get(URL, builder_data(row))
    assert names(response) == {"Kofi", "Bola", "Olive"}


def test_add_condition_adds_a_row_and_keeps_what_was_typed(world, client_for):
    row = {"type": "tag", "tag": "volunteer-drivers"}
    response = client_for(world.hq).get(URL, builder_data(row, add="1"))
    formset = response.context["listing"].builder.formset
    assert len(formset.forms) == 2
    assert 'value="volunteer-drivers"' in response.content.decode()
    assert response.content.decode().count('name="c-1-type"') == 1


def test_remove_drops_that_row_only(world, client_for):
    rows = ({"type": "tag", "tag": "first"}, {"type": "tag", "tag": "second"})
    response = client_for(world.hq).get(URL, builder_data(*rows, remove="0"))
    formset = response.context["listing"].builder.formset
    assert [form["tag"].value() for form in formset.forms] == ["second"]
    assert response.context["listing"].criteria == {"tag": "second"}


def test_an_incomplete_row_shows_its_error_and_keeps_the_input(world, client_for):
    row = {"type": "count", "counter": "actions", "count_op": "gte", "within_days": "30"}
    response = client_for(world.hq).get(URL, builder_data(row))
    form = response.context["listing"].builder.formset.forms[0]
    assert "count_n" in form.errors
    assert response.context["page"] is None
    assert 'name="c-0-within_days" value="30"' in response.content.decode()


def test_advanced_criteria_filter_the_list(world, client_for):
    criteria = json.dumps(
        {"any": [{"field": "country", "eq": "GB"}, {"field": "language", "eq": "fr"}]}
    )
    response = client_for(world.hq).get(URL, {"criteria": criteria})
    assert names(response) == {"Olive", "Sam"}


def test_an_emptied_advanced_field_means_everyone(world, client_for):
    response = client_for(world.coord_a).get(URL, {"criteria": "  "})
    assert names(response) == {"Awa", "Sam", "Ada"}
    assert response.context["listing"].errors == []


def test_advanced_criteria_the_builder_can_show_fill_its_rows(world, client_for):
    criteria = json.dumps({"any": [{"field": "country", "eq": "GB"}, {"tag": "host"}]})
    response = client_for(world.hq).get(URL, {"criteria": criteria})
    builder = response.context["listing"].builder
    assert builder.combine == "any"
    assert [form.initial["type"] for form in builder.formset.forms] == ["field", "tag"]


def test_json_that_does_not_parse_shows_an_error_and_keeps_the_input(world, client_for):
    typed = '{"field": "country", "eq": "SN"'
    response = client_for(world.hq).get(URL, {"criteria": typed})
    assert response.status_code == 200
    assert response.context["page"] is None
    assert response.context["listing"].errors
    assert 'aria-invalid="true"' in response.content.decode()
    assert response.context["listing"].text == typed
    assert "{&quot;field&quot;: &quot;country&quot;, &quot;eq&quot;: &quot;SN&quot;" in (
        response.content.decode()
    )


def test_invalid_criteria_show_the_errors_naming_the_path_and_keep_the_input(world, client_for):
    typed = '{"all": [{"field": "shoe_size", "eq": "44"}]}'
    response = client_for(world.hq).get(URL, {"criteria": typed})
    errors = response.context["listing"].errors
    assert errors
    assert any("all" in str(error) for error in errors)
    assert all(str(error) in response.content.decode() for error in errors)
    assert response.context["listing"].text == typed
    assert response.context["page"] is None


def test_pages_keep_the_search_and_criteria(world, client_for):
    for number in range(55):
        make_person(f"extra{number}@example.org", given_name=f"Extra{number}", country="GB")
    response = client_for(world.hq).get(
        URL, {"q": "extra", "criteria": '{"field": "country", "eq": "GB"}'}
    )
    page = response.context["page"]
    assert page.paginator.count == 55
    assert len(page.object_list) == 50
    assert "q=extra" in response.content.decode()
    assert "criteria=" in response.content.decode()
    assert "page=2" in response.content.decode()


def test_the_list_costs_the_same_queries_for_three_people_or_thirty(
    world, client_for, django_assert_num_queries
):
    client = client_for(world.coord_a)
    with django_assert_num_queries(QUERIES):
        client.get(URL, {"q": "a"})
    for number in range(30):
        person = make_person(f"member{number}@example.org", given_name=f"Member{number}a")
        add_member(world.group_a, person)
    with django_assert_num_queries(QUERIES):
        response = client.get(URL, {"q": "a"})
    assert len(response.context["page"].object_list) == 33


@pytest.mark.parametrize("typed", ['{"tag": 5}', "[]", '{"count": "actions", "gte": -1}'])
def test_nonsense_criteria_never_fail_the_page(world, client_for, typed):
    response = client_for(world.hq).get(URL, {"criteria": typed})
    assert response.status_code == 200
    assert response.context["listing"].errors
