from django.urls import path

from . import views

app_name = "actions"
urlpatterns = [
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("org/moderation/", views.moderation, name="moderation"),
    path("<slug:slug>/", views.action_detail, name="action-detail"),
    path("<slug:slug>/thanks/", views.action_thanks, name="action-thanks"),
]
