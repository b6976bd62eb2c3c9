from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from groundswell.groups.models import Group

from .models import EVENT_TYPES, WebhookSubscription
from .services import clean_subscription


class SubscriptionForm(forms.ModelForm):
    url = forms.URLField(label=_("Target URL"), max_length=500, assume_scheme="https")
    event_types = forms.MultipleChoiceField(
        label=_("Events"), choices=EVENT_TYPES, widget=forms.CheckboxSelectMultiple
    )
    group = forms.ModelChoiceField(
        label=_("Only people in this group and the groups below it"),
        queryset=Group.objects.order_by("path"),
        required=False,
        empty_label=_("Everyone (the whole organisation)"),
    )

    class Meta:
        model = WebhookSubscription
        fields = ["name", "url", "event_types", "group"]

    def _post_clean(self):
        super()._post_clean()
        try:
            clean_subscription(self.instance)
        except ValidationError as exc:
            self._update_errors(exc)
