"""Forms for feedback on previews, the organisers' campaign settings, and toolkit assets."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from groundswell.journeys.models import Stage

from .models import Asset, Campaign, Reaction
from .services import COMMENT_MAX_LENGTH, check_asset_file


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What would make this campaign better? Only the organisers read it."),
        error_messages={"required": _("Write a comment first.")},
    )


class CampaignSettingsForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Campaign.Status.choices)
    preview_stage = forms.ModelChoiceField(
        label=_("Preview visible from stage"),
        queryset=Stage.objects.order_by("order"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = Stage.objects.filter(slug=settings.GROUNDSWELL["PREVIEW_STAGE"]).first()
        name = default.display_name if default else settings.GROUNDSWELL["PREVIEW_STAGE"]
        self.fields["preview_stage"].empty_label = _("Default (%(stage)s)") % {"stage": name}


class AssetAdminForm(forms.ModelForm):
    """Checks the file's type and size before the service saves it."""

    class Meta:
        model = Asset
        fields = ["kind", "title", "description", "language", "file", "order"]
        widgets = {"language": forms.Select(choices=[("", _("Any language")), *settings.LANGUAGES])}

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file:
            check_asset_file(file)
        return file
