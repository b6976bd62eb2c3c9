from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.home, name="home"),
    path("goals/", views.add_goal, name="goal-add"),
    path("goals/<int:goal_id>/abandon/", views.abandon_goal, name="goal-abandon"),
]
