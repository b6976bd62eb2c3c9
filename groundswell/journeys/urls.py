from django.urls import path

from . import views

app_name = "journeys"
urlpatterns = [
    path("ladder/", views.ladder, name="ladder"),
    path("ladder/recompute/", views.ladder_recompute, name="ladder-recompute"),
]
