"""The signed-in person's own pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groundswell.journeys import services as journeys
from groundswell.journeys.permissions import access_own_goal
from groundswell.people.queries import person_timeline

from .forms import GoalForm
from .permissions import can_use_organiser_pages
from .queries import my_journey

TIMELINE_PAGE_SIZE = 20


@login_required
def home(request):
    """ "My journey" for anyone linked to a Person; staff without one are sent to their pages."""
    person = request.user.person
    if person is None:
        return render(
            request,
            "accounts/staff_home.html",
            {"organiser_pages": can_use_organiser_pages(request.user)},
        )
    return _journey_page(request, person, GoalForm())


def _journey_page(request, person, goal_form):
    timeline = Paginator(person_timeline(person), TIMELINE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "journeys/my_journey.html",
        {"journey": my_journey(person), "timeline": timeline, "goal_form": goal_form},
    )


def _goals_url():
    return f"{reverse('accounts:home')}#goals"


@login_required
@require_POST
def add_goal(request):
    """Set yourself a goal; a mistake shows the page again with the error beside the field."""
    person = request.user.person
    if person is None:
        raise Http404
    form = GoalForm(request.POST)
    if form.is_valid():
        try:
            journeys.create_goal(person, actor=request.user, **form.goal_fields())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your goal is set. Good luck!"))
            return redirect(_goals_url())
    return _journey_page(request, person, form)


@login_required
@require_POST
def abandon_goal(request, goal_id):
    """Drop one of your own goals (someone else's is a 404)."""
    goal = access_own_goal(request.user, goal_id)
    journeys.abandon_goal(goal, actor=request.user)
    messages.info(request, _("Goal dropped. You can set a new one whenever you like."))
    return redirect(_goals_url())
