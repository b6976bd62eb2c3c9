from django.urls import path

from . import exports, views

app_name = "actions"
urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("org/moderation/", views.moderation, name="moderation"),
    path("org/<slug:slug>/submissions.csv", exports.submissions_csv, name="submissions-csv"),
    path("<slug:slug>/", views.action_detail, name="action-detail"),
    path("<slug:slug>/thanks/", views.action_thanks, name="action-thanks"),
]
