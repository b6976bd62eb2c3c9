"""/api/v2/: Action Network's paths, with or without a trailing slash (clients send both)."""

from django.urls import path, re_path

from . import action_views, views

app_name = "api"
ID = r"(?P<uid>[^/]+)"


def route(pattern, view, name):
    return re_path(rf"^{pattern}/?$", view, name=name)


urlpatterns = [
    path("", views.root, name="root"),
    path("docs/", views.docs, name="docs"),
    path("schema/", views.schema, name="schema"),
    route("people", views.people, "people"),
    route(f"people/{ID}", views.person, "person"),
    route(f"people/{ID}/taggings", views.person_taggings, "person-taggings"),
    route(f"people/{ID}/signatures", views.person_signatures, "person-signatures"),
    route(f"people/{ID}/submissions", views.person_submissions, "person-submissions"),
    route(f"people/{ID}/attendances", views.person_attendances, "person-attendances"),
    route("tags", views.tags, "tags"),
    route(f"tags/{ID}", views.tag, "tag"),
    route(f"tags/{ID}/taggings", views.tag_taggings, "tag-taggings"),
    route(r"tags/(?P<tag_uid>[^/]+)/taggings/(?P<uid>[^/]+)", views.tagging, "tagging"),
    route("petitions", action_views.petitions, "petitions"),
    route(f"petitions/{ID}", action_views.petition, "petition"),
    route(f"petitions/{ID}/signatures", action_views.petition_signatures, "petition-signatures"),
    route(
        r"petitions/(?P<action_uid>[^/]+)/signatures/(?P<uid>[^/]+)",
        action_views.signature,
        "signature",
    ),
    route("forms", action_views.forms, "forms"),
    route(f"forms/{ID}", action_views.form, "form"),
    route(f"forms/{ID}/submissions", action_views.form_submissions, "form-submissions"),
    route(
        r"forms/(?P<action_uid>[^/]+)/submissions/(?P<uid>[^/]+)",
        action_views.submission,
        "submission",
    ),
    route("events", action_views.events, "events"),
    route(f"events/{ID}", action_views.event, "event"),
    route(f"events/{ID}/attendances", action_views.event_attendances, "event-attendances"),
    route(
        r"events/(?P<event_uid>[^/]+)/attendances/(?P<uid>[^/]+)",
        action_views.attendance,
        "attendance",
    ),
    route("lists", action_views.lists, "lists"),
    route(f"lists/{ID}", action_views.list_detail, "list"),
    route(f"lists/{ID}/items", action_views.list_items, "list-items"),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="not-found"),
]
