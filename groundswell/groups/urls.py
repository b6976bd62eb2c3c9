from django.urls import path

from . import views

app_name = "groups"
urlpatterns = [
    path("", views.group_list, name="group-list"),
    path("org/", views.org_tree, name="org-tree"),
    path("org/<slug:slug>/", views.org_group, name="org-group"),
    path("org/<slug:slug>/edit/", views.org_edit, name="org-edit"),
    path("org/<slug:slug>/new/", views.org_create, name="org-create"),
    path("org/<slug:slug>/members.csv", views.org_members_csv, name="org-members-csv"),
    path("org/<slug:slug>/updates/", views.org_update_post, name="org-update-post"),
    path(
        "org/<slug:slug>/requests/<int:pk>/approve/",
        views.org_request_approve,
        name="org-request-approve",
    ),
    path(
        "org/<slug:slug>/requests/<int:pk>/decline/",
        views.org_request_decline,
        name="org-request-decline",
    ),
    path(
        "org/<slug:slug>/members/<int:pk>/coordinator/",
        views.org_coordinator,
        name="org-coordinator",
    ),
    path("<slug:slug>/", views.group_detail, name="group-detail"),
    path("<slug:slug>/join/", views.group_join, name="group-join"),
    path("<slug:slug>/leave/", views.group_leave, name="group-leave"),
]
