"""The outbox, read-only: what was sent, when, and why not. Bodies are never shown: a login code
or a confirmation link in them is a key to someone's account or signature."""

from django.contrib import admin

from groundswell.core.admin import ReadOnlyAdmin

from .models import OutboundEmail


@admin.register(OutboundEmail)
class OutboundEmailAdmin(ReadOnlyAdmin):
    list_display = ("purpose", "status", "attempts", "created_at", "next_attempt_at", "sent_at")
    list_filter = ("status", "purpose")
    date_hierarchy = "created_at"
    ordering = ("-created_at",)
    fields = (
        "purpose",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "lease_until",
        "sent_at",
        "language",
        "person",
        "to",
        "subject",
    )
    readonly_fields = fields
    raw_id_fields = ("person",)
    show_full_result_count = False  # the outbox grows large: no COUNT(*) on every page
