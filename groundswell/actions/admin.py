"""Django admin for raw action records; submissions are read-only (they change via services)."""

from django.contrib import admin

from .models import Action, Submission


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["slug", "display_title", "kind", "status", "campaign", "double_opt_in"]
    list_filter = ["kind", "status", "double_opt_in"]
    search_fields = ["slug"]
    list_select_related = ["campaign"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["action", "person", "status", "flagged", "flag_reason", "channel", "created_at"]
    list_filter = ["status", "flagged", "flag_reason"]
    list_select_related = ["action", "person"]
    raw_id_fields = ["person", "action"]
    readonly_fields = [f.name for f in Submission._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
