"""Django admin for campaigns: per-language content, the toolkit's share messages and assets.

Assets and status changes go through the services (file checks, content type, audit)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from . import services
from .forms import AssetAdminForm
from .models import Asset, Campaign


class AssetInline(admin.StackedInline):
    model = Asset
    form = AssetAdminForm
    extra = 0
    readonly_fields = ["content_type", "size"]


class CampaignAdminForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "slug", "title", "summary", "description", "share_messages", "status", "preview_stage"
        ]  # fmt: skip

    def clean_status(self):
        status, old = self.cleaned_data["status"], self.instance.status
        if self.instance.pk and status != old and status not in services.STATUS_STEPS[old]:
            params = {"old": Campaign.Status(old).label, "new": Campaign.Status(status).label}
            raise ValidationError(services.MESSAGES["status"], code="status", params=params)
        return status


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    form = CampaignAdminForm
    list_display = ["slug", "display_title", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["slug"]
    inlines = [AssetInline]

    def save_model(self, request, obj, form, change):
        status = obj.status
        if change and "status" in form.changed_data:
            obj.status = form.initial["status"]
        super().save_model(request, obj, form, change)
        services.set_campaign_status(obj, status, actor=request.user)

    def save_formset(self, request, form, formset, change):
        if formset.model is not AssetInline.model:
            return super().save_formset(request, form, formset, change)
        for asset in formset.save(commit=False):
            services.save_asset(asset, actor=request.user)
        for asset in formset.deleted_objects:
            services.delete_asset(asset, actor=request.user)
        formset.save_m2m()
        return None
