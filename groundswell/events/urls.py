from django.urls import path

from . import exports, views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("propose/", views.propose, name="propose"),
    path("org/", views.org_list, name="org-list"),
    path("org/new/", views.org_create, name="org-create"),
    path("org/proposals/", views.org_queue, name="org-queue"),
    path("org/<slug:slug>/", views.org_attendees, name="org-attendees"),
    path(
        "org/<slug:slug>/attendances.csv",
        exports.attendances_csv,
        name="org-attendances-csv",
    ),
    path("org/<slug:slug>/edit/", views.org_edit, name="org-edit"),
    path("org/<slug:slug>/approve/", views.org_approve, name="org-approve"),
    path("org/<slug:slug>/reject/", views.org_reject, name="org-reject"),
    path("org/<slug:slug>/cancel/", views.org_cancel, name="org-cancel"),
    path("rsvp/<str:token>/", views.rsvp_manage, name="rsvp-manage"),
    path("feedback/<str:token>/", views.feedback, name="feedback"),
    path("group/<slug:slug>/calendar.ics", views.group_calendar, name="group-calendar"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/rsvp/", views.rsvp, name="rsvp"),
    path("<slug:slug>/cancel/", views.cancel_rsvp, name="cancel-rsvp"),
    path("<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("<slug:slug>/check-in/", views.check_in, name="check-in"),
]
