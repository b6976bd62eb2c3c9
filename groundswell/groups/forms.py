"""Forms for finding groups, editing them and posting updates."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from groundswell.campaigns.models import Campaign
from groundswell.core.geo import valid_coordinates

from . import queries
from .models import Group

DISTANCES = [(10, "10 km"), (25, "25 km"), (50, "50 km"), (100, "100 km"), (250, "250 km")]
BAD_COORDINATES = _("Latitude must be between -90 and 90 and longitude between -180 and 180.")


class CampaignChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_title


class CampaignChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.display_title


class FindForm(forms.Form):
    """Near coordinates or a chosen locality, by language and campaign; every field optional."""

    place = forms.ChoiceField(label=_("Near"), required=False)
    lat = forms.FloatField(label=_("Latitude"), required=False)
    lon = forms.FloatField(label=_("Longitude"), required=False)
    km = forms.TypedChoiceField(
        label=_("Within"), choices=DISTANCES, coerce=int, required=False, empty_value=50
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    campaign = CampaignChoice(
        label=_("Campaign"),
        queryset=Campaign.objects.filter(status=Campaign.Status.LIVE).order_by("slug"),
        to_field_name="slug",
        required=False,
        empty_label=_("Any campaign"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.places = queries.places()
        self.fields["place"].choices = [("", _("Anywhere"))] + [
            (key, label) for key, (label, _lat, _lon) in self.places.items()
        ]
        self.fields["language"].choices = [("", _("Any language")), *settings.LANGUAGES]

    def clean(self):
        data = super().clean()
        lat, lon = data.get("lat"), data.get("lon")
        if (lat is None) != (lon is None):
            raise ValidationError(_("Give both a latitude and a longitude, or choose a place."))
        if lat is not None and not valid_coordinates(lat, lon):
            raise ValidationError(BAD_COORDINATES)
        return data

    def near(self):
        """(lat, lon) to search around, from coordinates or the chosen place; None for anywhere."""
        data = self.cleaned_data
        if data.get("lat") is not None:
            return (data["lat"], data["lon"])
        if data.get("place"):
            _label, lat, lon = self.places[data["place"]]
            return (lat, lon)
        return None


class GroupForm(forms.ModelForm):
    """A group's details; the description has one box per language."""

    languages_text = forms.CharField(
        label=_("Languages"),
        required=False,
        help_text=_("Language codes separated by commas, like fr, wo."),
    )
    campaigns = CampaignChoices(
        label=_("Campaigns"),
        queryset=Campaign.objects.order_by("slug"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Group
        fields = [
            "name", "slug", "area", "country", "locality", "latitude", "longitude", "join_policy",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=self.instance.description.get(code, "") if self.instance.pk else "",
            )
        if self.instance.pk:
            self.fields["languages_text"].initial = ", ".join(self.instance.languages)
            self.fields["campaigns"].initial = list(self.instance.campaigns.all())
        self.fields["slug"].required = False

    def _post_clean(self):
        # The service checks the group (cycles, coordinates, slugs) before it writes anything.
        pass

    def changes(self):
        """The cleaned fields as keyword arguments for the services."""
        data = self.cleaned_data
        found = {name: data.get(name) for name in self.Meta.fields}
        found["slug"] = found["slug"] or ""
        found["description"] = {
            code: data[f"description_{code}"].strip()
            for code, _name in settings.LANGUAGES
            if data.get(f"description_{code}", "").strip()
        }
        text = data.get("languages_text") or ""
        found["languages"] = [code.strip().lower() for code in text.split(",") if code.strip()]
        found["campaigns"] = list(data.get("campaigns") or [])
        return found

    def add_service_errors(self, error):
        """Show a service's ValidationError on the fields it names."""
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                target = name if name in self.fields else None
                if name == "languages":
                    target = "languages_text"
                self.add_error(target, errors)
        else:
            self.add_error(None, error)


class UpdateForm(forms.Form):
    text = forms.CharField(
        label=_("Post an update to the group"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
