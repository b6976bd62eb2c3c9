"""Attributions and share clicks, read-only: they change only through amplification.services."""

from django.contrib import admin

from groundswell.core.admin import ReadOnlyAdmin

from .models import Attribution, ShareClick


@admin.register(Attribution)
class AttributionAdmin(ReadOnlyAdmin):
    list_display = ["person", "referred_by", "root", "depth", "channel", "campaign", "created_at"]
    list_filter = ["channel", "depth", "campaign"]
    list_select_related = ["person", "referred_by", "root", "campaign"]
    raw_id_fields = ["person", "referred_by", "root"]


@admin.register(ShareClick)
class ShareClickAdmin(ReadOnlyAdmin):
    list_display = ["code", "channel", "campaign", "path", "at", "converted"]
    list_filter = ["channel", "campaign"]
    list_select_related = ["campaign", "converted"]
    search_fields = ["code"]
    date_hierarchy = "at"
