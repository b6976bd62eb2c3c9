from django.urls import path

from . import views

app_name = "amplification"
urlpatterns = [
    path("qr.svg", views.qr, name="qr"),
    path("org/campaign/<slug:slug>/", views.campaign, name="campaign"),
    path("org/person/<uuid:uuid>/tree/", views.person_tree, name="person-tree"),
    path("<slug:code>/<slug:channel>/", views.share_click, name="share-click"),
]
