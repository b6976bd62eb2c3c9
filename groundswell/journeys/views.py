"""Organiser pages about the engagement ladder."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_countries import countries

from groundswell.accounts.models import User
from groundswell.accounts.permissions import require_organiser_pages, visible_people
from groundswell.analytics.charts import bar_chart
from groundswell.analytics.ladder import ladder as ladder_report
from groundswell.people.queries import visible_segments

from .criteria import CriteriaError, parse_criteria
from .tasks import recompute_stages_task


def is_hq_admin(user):
    return user.is_authenticated and user.role == User.Role.HQ_ADMIN


class LadderFilterForm(forms.Form):
    """Narrow the ladder to a saved segment and/or a country, within what the viewer may see."""

    segment = forms.ModelChoiceField(
        label=gettext_lazy("Segment"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Everyone"),
    )
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["segment"].queryset = visible_segments(user)
        codes = visible_people(user).exclude(country="").values_list("country", flat=True)
        self.fields["country"].choices = [
            ("", _("All countries")),
            *(
                (code, countries.name(code) or code)
                for code in codes.distinct().order_by("country")
            ),
        ]

    def clean_segment(self):
        segment = self.cleaned_data["segment"]
        if segment is not None:
            try:
                self.segment_q = parse_criteria(segment.criteria).to_q()
            except CriteriaError as exc:
                raise forms.ValidationError(exc.errors) from None
        return segment

    def filter(self, people):
        if self.cleaned_data.get("segment") is not None:
            people = people.filter(self.segment_q)
        if self.cleaned_data.get("country"):
            people = people.filter(country=self.cleaned_data["country"])
        return people


@login_required
def ladder(request):
    require_organiser_pages(request.user)
    form = LadderFilterForm(request.GET or None, user=request.user)
    people = visible_people(request.user)
    if form.is_bound and form.is_valid():
        people = form.filter(people)
    report = ladder_report(people)
    chart = bar_chart(
        (rung.stage.display_name, rung.current, rung.reached) for rung in report.rungs
    )
    context = {
        "form": form,
        "ladder": report,
        "chart": chart,
        "is_hq_admin": is_hq_admin(request.user),
    }
    return render(request, "journeys/ladder.html", context)


@login_required
@require_POST
def ladder_recompute(request):
    if not is_hq_admin(request.user):
        raise PermissionDenied
    recompute_stages_task.enqueue()
    messages.success(request, _("Stages will be recomputed in the background in a few minutes."))
    return redirect("journeys:ladder")
