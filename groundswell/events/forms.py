"""Forms for events. They parse and lay out; the services hold the rules (validation.py),
so a refused event comes back with each error next to its field and every typed value kept."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from groundswell.campaigns.models import Campaign
from groundswell.core.geo import valid_coordinates
from groundswell.people.forms import PersonFieldsMixin, country_choices

from . import queries
from .services import MESSAGES as SERVICE_MESSAGES
from .validation import MESSAGES, time_zone_or_none

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"
RADII = [(10, "10 km"), (25, "25 km"), (50, "50 km"), (100, "100 km"), (250, "250 km")]
MODES = [("any", _("Online and in person")), ("in_person", _("In person")), ("online", _("Online"))]


def _local(label):
    return forms.DateTimeField(
        label=label,
        input_formats=[LOCAL_FORMAT, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_FORMAT),
    )


class EventForm(forms.Form):
    """Create, propose or change an event; times are typed in the event's own time zone."""

    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    starts_at = _local(_("Starts (local time)"))
    ends_at = _local(_("Ends (local time)"))
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        help_text=_("An IANA name such as Africa/Dakar, Europe/Paris or America/Bogota."),
    )
    online = forms.BooleanField(label=_("This event is online"), required=False)
    join_url = forms.CharField(
        label=_("Link to join (shown only to people who RSVP)"), max_length=500, required=False
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    locality = forms.CharField(label=_("Town or city"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices, required=False)
    latitude = forms.FloatField(label=_("Latitude"), required=False)
    longitude = forms.FloatField(label=_("Longitude"), required=False)
    capacity = forms.IntegerField(
        label=_("Capacity"), required=False, help_text=_("Leave empty for no limit.")
    )
    campaign = forms.ModelChoiceField(
        label=_("Campaign"), queryset=Campaign.objects.none(), required=False
    )
    group = forms.ModelChoiceField(label=_("Group"), queryset=None, required=False)

    def __init__(self, *args, groups, group_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                max_length=200,
                required=False,
            )
            self.fields[f"description_{code}"] = forms.CharField(
                label=_("Description (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.fields["group"].queryset = groups
        self.fields["group"].required = group_required
        self.fields["campaign"].queryset = Campaign.objects.exclude(status=Campaign.Status.CLOSED)
        self.order_fields([*self.text_fields(), "languages"])

    @staticmethod
    def text_fields():
        return [
            f"{part}_{code}" for code, _n in settings.LANGUAGES for part in ("title", "description")
        ]

    def text_bound_fields(self):
        return [self[name] for name in self.text_fields()]

    @classmethod
    def initial_for(cls, event):
        """Initial values to change `event`, with its times shown in its own time zone."""
        initial = {name: getattr(event, name) for name in cls.base_fields if hasattr(event, name)}
        for code, _name in settings.LANGUAGES:
            initial[f"title_{code}"] = event.title.get(code, "")
            initial[f"description_{code}"] = event.description.get(code, "")
        zone = time_zone_or_none(event.time_zone)
        for name in ("starts_at", "ends_at"):
            local = getattr(event, name).astimezone(zone) if zone else getattr(event, name)
            initial[name] = local.strftime(LOCAL_FORMAT)
        return initial

    def event_values(self):
        """The cleaned fields as the services take them: aware times, per-language dicts."""
        data = self.cleaned_data
        zone = time_zone_or_none(data.get("time_zone")) or time_zone_or_none("UTC")
        values = {
            "title": _per_language(data, "title"),
            "description": _per_language(data, "description"),
        }
        for name in ("starts_at", "ends_at"):
            value = data.get(name)
            values[name] = value.replace(tzinfo=None).replace(tzinfo=zone) if value else None
        for name in ("languages", "time_zone", "online", "join_url", "venue", "address"):
            values[name] = data.get(name)
        for name in ("locality", "country", "latitude", "longitude", "capacity"):
            values[name] = data.get(name)
        values["campaign"], values["group"] = data.get("campaign"), data.get("group")
        values["country"] = values["country"] or ""
        values["time_zone"] = (values["time_zone"] or "").strip()
        return values


def _per_language(data, part):
    found = {}
    for code, _name in settings.LANGUAGES:
        text = (data.get(f"{part}_{code}") or "").strip()
        if text:
            found[code] = text
    return found


class RSVPForm(PersonFieldsMixin, forms.Form):
    """RSVP without signing in: a name, an email, and consent for updates."""

    given_name = forms.CharField(
        label=_("First name"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.CharField(
        label=_("Email"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    consent = forms.BooleanField(label=_("Keep me updated by email"), required=False)


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("The code shown at the event"),
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    email = forms.EmailField(label=_("The email you RSVPed with"), required=False)


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was it?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": SERVICE_MESSAGES["rating"]},
    )
    comment = forms.CharField(
        label=_("Anything to add? (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Reason (sent to the host)"), max_length=500, required=False)


class SearchForm(forms.Form):
    """Find events: near a position or a known locality, online, by campaign, language, dates."""

    place = forms.ChoiceField(label=_("Near"), required=False)
    latitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    longitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    radius = forms.TypedChoiceField(
        label=_("Within"), choices=RADII, coerce=int, required=False, empty_value=50
    )
    mode = forms.ChoiceField(label=_("Format"), choices=MODES, required=False)
    campaign = forms.ModelChoiceField(
        label=_("Campaign"), queryset=Campaign.objects.none(), required=False
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        places = [(key, label) for key, label, _lat, _lon in queries.known_localities()]
        self.fields["place"].choices = [("", _("Anywhere")), *places]
        self.fields["language"].choices = [("", _("Any language")), *settings.LANGUAGES]
        self.fields["campaign"].queryset = Campaign.objects.filter(
            status__in=[Campaign.Status.LIVE, Campaign.Status.PREVIEW]
        )

    def clean(self):
        cleaned = super().clean()
        lat, lon = cleaned.get("latitude"), cleaned.get("longitude")
        if (lat is not None or lon is not None) and not valid_coordinates(lat, lon):
            raise forms.ValidationError(MESSAGES["coordinates"], code="coordinates")
        return cleaned

    def search(self):
        data = self.cleaned_data
        lat, lon = data.get("latitude"), data.get("longitude")
        if lat is None and data.get("place"):
            lat, lon = queries.locality(data["place"]) or (None, None)
        return queries.Search(
            latitude=lat,
            longitude=lon,
            radius_km=data.get("radius") or 50,
            mode=data.get("mode") or "any",
            campaign=data.get("campaign"),
            language=data.get("language") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
