from django.contrib import admin
from django.urls import include, path

from groundswell.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("me/", include("groundswell.accounts.urls")),
    path("journey/", include("groundswell.journeys.urls")),
    path("org/people/", include("groundswell.people.urls")),
    path("r/", include("groundswell.amplification.urls")),
    path("act/", include("groundswell.actions.urls")),
    path("events/", include("groundswell.events.urls")),
    path("groups/", include("groundswell.groups.urls")),
    path("c/", include("groundswell.campaigns.urls")),
    path("api/v2/", include("groundswell.api.urls")),
    path("webhooks/", include("groundswell.webhooks.urls")),
    path("admin/", admin.site.urls),
]
