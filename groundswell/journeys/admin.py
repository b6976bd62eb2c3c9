"""Staff edit the ladder's stages here (rules validated as criteria); activities, counters and
transitions are shown read-only: they change only through journeys.services."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from groundswell.core.admin import ReadOnlyAdmin
from groundswell.core.i18n import localized

from . import services
from .criteria import CriteriaField, describe
from .models import Activity, PersonStats, Stage, StageTransition
from .tasks import recompute_stages_task

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _language_fields():
    fields = {}
    for code, name in settings.LANGUAGES:
        fields[f"name_{code}"] = forms.CharField(
            label=_("Name (%(language)s)") % {"language": name},
            max_length=100,
            required=code == settings.LANGUAGE_CODE,
        )
        fields[f"description_{code}"] = forms.CharField(
            label=_("Description (%(language)s)") % {"language": name},
            widget=forms.Textarea(attrs={"rows": 3}),
            required=False,
        )
    return fields


class _StageForm(forms.ModelForm):
    rule = CriteriaField(
        label=_("Rule"),
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text=_(
            "Who belongs on this stage, in the criteria language; {} matches everyone. "
            "People move when they next act, or for everyone at the nightly recompute."
        ),
    )

    class Meta:
        model = Stage
        fields = ["slug", "order", "rule", "demote_after_days"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in LANGUAGES:
            self.fields[f"name_{code}"].initial = self.instance.name.get(code, "")
            self.fields[f"description_{code}"].initial = self.instance.description.get(code, "")

    def save(self, commit=True):
        texts = {
            field: {
                code: self.cleaned_data[f"{field}_{code}"]
                for code in LANGUAGES
                if self.cleaned_data[f"{field}_{code}"]
            }
            for field in ("name", "description")
        }
        self.instance.name, self.instance.description = texts["name"], texts["description"]
        return super().save(commit=commit)


StageForm = type("StageForm", (_StageForm,), _language_fields())


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    form = StageForm
    list_display = ["order", "slug", "display_name", "rule_summary", "demote_after_days"]
    list_display_links = ["slug"]
    ordering = ["order"]
    actions = ["recompute"]
    fieldsets = [
        (None, {"fields": ["slug", "order"]}),
        (_("Names"), {"fields": [f"name_{code}" for code in LANGUAGES]}),
        (_("Descriptions"), {"fields": [f"description_{code}" for code in LANGUAGES]}),
        (_("Rule"), {"fields": ["rule", "demote_after_days"]}),
    ]

    @admin.display(description=_("rule"))
    def rule_summary(self, stage):
        try:
            return describe(stage.rule)
        except ValueError:
            return _("invalid rule")

    def save_model(self, request, obj, form, change):
        services.save_stage(obj, actor=request.user)

    def delete_model(self, request, obj):
        services.delete_stage(obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for stage in queryset:
            services.delete_stage(stage, actor=request.user)

    @admin.action(description=_("Recompute everyone's stage now"))
    def recompute(self, request, queryset):
        recompute_stages_task.enqueue()
        self.message_user(
            request, _("Everyone's stage will be recomputed in the background."), messages.SUCCESS
        )


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "person", "kind", "campaign", "channel"]
    list_filter = ["kind", "channel"]
    list_select_related = ["person", "campaign"]
    date_hierarchy = "occurred_at"
    show_full_result_count = False  # counting millions of rows on every page is not worth it
    raw_id_fields = ["person", "campaign"]


@admin.register(StageTransition)
class StageTransitionAdmin(ReadOnlyAdmin):
    list_display = ["at", "person", "from_stage", "to_stage", "reason"]
    list_filter = ["to_stage", "reason"]
    list_select_related = ["person", "from_stage", "to_stage"]
    show_full_result_count = False


@admin.register(PersonStats)
class PersonStatsAdmin(ReadOnlyAdmin):
    list_display = ["person", "stage_name", "activities", "actions", "last_activity_at"]
    list_select_related = ["person", "stage"]
    list_filter = ["stage"]
    show_full_result_count = False

    @admin.display(description=_("stage"))
    def stage_name(self, stats):
        return localized(stats.stage.name) if stats.stage else ""
