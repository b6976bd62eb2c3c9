from django.urls import path

from . import views

app_name = "campaigns"
urlpatterns = [
    path("org/", views.campaign_list, name="campaign-list"),
    path("org/<slug:slug>/feedback/", views.feedback, name="feedback"),
    # One name, two shapes: a plain link, or one signed for a person when behind a sign-up.
    path("asset/<int:pk>/<str:filename>", views.asset_download, name="asset"),
    path("asset/<int:pk>/<str:token>/<str:filename>", views.asset_download, name="asset"),
    path("<slug:slug>/", views.campaign_detail, name="campaign-detail"),
    path("<slug:slug>/toolkit/", views.campaign_toolkit, name="campaign-toolkit"),
    path("<slug:slug>/react/", views.react, name="react"),
    path("<slug:slug>/comment/", views.comment, name="comment"),
]
