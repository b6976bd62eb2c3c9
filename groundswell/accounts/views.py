"""The signed-in person's own pages."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from groundswell.people.queries import person_timeline

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
    timeline = Paginator(person_timeline(person), TIMELINE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "journeys/my_journey.html",
        {"journey": my_journey(person), "timeline": timeline},
    )
