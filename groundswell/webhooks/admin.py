"""Raw records, read-only: changes go through the organiser pages (services). The secret is
never shown here."""

from django.contrib import admin

from .models import WebhookDelivery, WebhookSubscription


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(ReadOnly):
    list_display = ["name", "url", "group", "active", "created_at"]
    exclude = ["secret"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(ReadOnly):
    list_display = ["event_type", "event_id", "subscription", "status", "attempts", "created_at"]
    list_filter = ["status", "event_type"]
