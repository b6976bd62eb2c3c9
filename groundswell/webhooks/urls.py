from django.urls import path

from . import views

app_name = "webhooks"
urlpatterns = [
    path("org/", views.subscription_list, name="subscription-list"),
    path("org/new/", views.subscription_create, name="subscription-create"),
    path("org/<int:pk>/", views.subscription_detail, name="subscription-detail"),
    path("org/<int:pk>/edit/", views.subscription_edit, name="subscription-edit"),
    path("org/<int:pk>/deactivate/", views.subscription_deactivate, name="subscription-deactivate"),
    path("org/deliveries/<int:pk>/", views.delivery_detail, name="delivery-detail"),
    path("org/deliveries/<int:pk>/redeliver/", views.delivery_redeliver, name="delivery-redeliver"),
]
