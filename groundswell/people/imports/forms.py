"""Forms of the import pages: the upload, and which column is which."""

from django import forms
from django.utils.translation import gettext_lazy as _

from groundswell.people.models import CHANNELS

from .reading import TARGETS


class UploadForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))
    source_name = forms.CharField(
        label=_("Where does this list come from?"),
        max_length=100,
        help_text=_("For example “Old CRM” or “Festival sign-ups”: the column mapping is "
                    "remembered for the next file from the same source."),
    )  # fmt: skip


class MappingForm(forms.Form):
    """One choice per column of the file, then the consent everyone in the file gave."""

    consent_channels = forms.MultipleChoiceField(
        label=_("Everyone in this file agreed to hear from us by"),
        choices=CHANNELS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty if the file has its own consent columns, or no consent."),
    )
    wording_version = forms.CharField(
        label=_("Consent wording version"),
        max_length=40,
        required=False,
        help_text=_("Which sign-up wording these people agreed to, as your records name it."),
    )

    def __init__(self, *args, header, **kwargs):
        super().__init__(*args, **kwargs)
        self.header = header
        for index, name in enumerate(header):
            self.fields[f"column_{index}"] = forms.ChoiceField(
                label=name or _("Column %(number)d") % {"number": index + 1},
                choices=TARGETS,
                required=False,
            )

    def column_fields(self):
        return [self[f"column_{index}"] for index in range(len(self.header))]

    def mapping(self):
        return {
            str(index): self.cleaned_data.get(f"column_{index}", "")
            for index in range(len(self.header))
        }
