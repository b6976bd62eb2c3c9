"""Django admin for campaigns: per-language content and the toolkit's share messages."""

from django.contrib import admin

from .models import Campaign


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["slug", "display_title", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["slug"]
