"""Django admin for raw people records. Writes go through the services, like everywhere else."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import ConsentRecord, Person, Segment, Tag
from .services import (
    delete_segment,
    merge_people,
    save_segment,
    update_person,
    update_segment,
    upsert_person,
)
from .validators import PERSON_FIELDS, clean_person_fields


class PersonAdminForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [f for f in PERSON_FIELDS if f != "source"]

    def clean(self):
        cleaned = super().clean()
        values = {f: cleaned[f] for f in self.changed_data if f in cleaned}
        region = cleaned.get("country") or (self.instance.country if self.instance.pk else None)
        try:
            cleaned.update(clean_person_fields(values, country=region))
        except ValidationError as exc:
            self.add_error(None, exc)
        return cleaned


class ConsentInline(admin.TabularInline):
    model = ConsentRecord
    extra = 0
    can_delete = False
    fields = readonly_fields = [
        "recorded_at",
        "channel",
        "purpose",
        "granted",
        "source",
        "wording_version",
    ]
    ordering = ["-recorded_at", "-pk"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    form = PersonAdminForm
    list_display = ["display_name", "email", "phone", "country", "language", "created_at"]
    list_filter = ["country", "language"]
    search_fields = ["given_name", "family_name", "email", "phone"]
    readonly_fields = ["uuid", "referral_code", "source", "created_at", "modified_at"]
    inlines = [ConsentInline]
    actions = ["merge_into_oldest"]
    show_full_result_count = False  # a COUNT(*) over every supporter on each page is slow

    def save_model(self, request, obj, form, change):
        values = {f: form.cleaned_data[f] for f in form.changed_data if f in PERSON_FIELDS}
        if change:
            person = update_person(Person.objects.get(pk=obj.pk), actor=request.user, **values)
        else:
            person, _created = upsert_person(
                source="admin", consent_source="staff", actor=request.user, **values
            )
        obj.pk = person.pk
        obj.refresh_from_db()

    @admin.action(description=_("Merge the selected people into the oldest of them"))
    def merge_into_oldest(self, request, queryset):
        people = list(queryset.order_by("created_at", "pk"))
        if len(people) < 2:
            self.message_user(request, _("Select at least two people to merge."), messages.WARNING)
            return
        keep = people[0]
        with transaction.atomic():
            for lose in people[1:]:
                keep = merge_people(keep, lose, actor=request.user)
        merged = len(people) - 1
        message = ngettext(
            "%(count)d person was merged into %(name)s.",
            "%(count)d people were merged into %(name)s.",
            merged,
        ) % {"count": merged, "name": keep.display_name}
        self.message_user(request, message, messages.SUCCESS)


@admin.register(ConsentRecord)
class ConsentRecordAdmin(admin.ModelAdmin):
    """The ledger is append-only: the admin may read it, never change it."""

    list_display = ["person", "channel", "purpose", "granted", "source", "recorded_at"]
    list_filter = ["channel", "purpose", "granted", "source"]
    search_fields = ["person__email", "person__phone"]
    list_select_related = ["person"]
    date_hierarchy = "recorded_at"
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "people", "created_at"]
    search_fields = ["name"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(people_count=Count("taggings"))

    @admin.display(description=_("people"), ordering="people_count")
    def people(self, tag):
        return tag.people_count


@admin.register(Segment)
class SegmentAdmin(admin.ModelAdmin):
    list_display = ["name", "created_by", "modified_at"]
    search_fields = ["name"]
    readonly_fields = ["created_by", "created_at", "modified_at"]

    def save_model(self, request, obj, form, change):
        fields = {"name": obj.name, "criteria": obj.criteria, "actor": request.user}
        if change:
            update_segment(Segment.objects.get(pk=obj.pk), **fields)
        else:
            obj.pk = save_segment(**fields).pk
        obj.refresh_from_db()

    def delete_model(self, request, obj):
        delete_segment(obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for segment in queryset:
                delete_segment(segment, actor=request.user)
