"""Organiser pages for outgoing webhooks: HQ and staff organisers only (subscriptions carry
everyone's data out of the platform); payloads, which hold personal data, for HQ only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from groundswell.accounts.models import User
from groundswell.accounts.permissions import is_organiser

from . import queries, services
from .forms import SubscriptionForm
from .models import WebhookDelivery, WebhookSubscription

PAGE_SIZE = 50


def _subscription(request, pk):
    if not is_organiser(request.user):
        raise PermissionDenied
    return get_object_or_404(WebhookSubscription, pk=pk)


@login_required
def subscription_list(request):
    if not is_organiser(request.user):
        raise PermissionDenied
    context = {"subscriptions": queries.subscriptions()}
    return render(request, "webhooks/subscription_list.html", context)


@login_required
def subscription_create(request):
    """The secret is shown on this answer only: it is not shown again."""
    if not is_organiser(request.user):
        raise PermissionDenied
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscription = services.save_subscription(form.instance, actor=request.user)
        return render(request, "webhooks/subscription_created.html", {"subscription": subscription})
    return render(request, "webhooks/subscription_form.html", {"form": form})


@login_required
def subscription_edit(request, pk):
    subscription = _subscription(request, pk)
    form = SubscriptionForm(request.POST or None, instance=subscription)
    if request.method == "POST" and form.is_valid():
        services.save_subscription(form.instance, actor=request.user)
        messages.success(request, _("Subscription saved."))
        return redirect("webhooks:subscription-detail", pk=subscription.pk)
    context = {"form": form, "subscription": subscription}
    return render(request, "webhooks/subscription_form.html", context)


@login_required
@require_POST
def subscription_deactivate(request, pk):
    subscription = _subscription(request, pk)
    if services.deactivate_subscription(subscription, actor=request.user):
        messages.success(request, _("Subscription deactivated: nothing more is sent to it."))
    return redirect("webhooks:subscription-detail", pk=subscription.pk)


@login_required
def subscription_detail(request, pk):
    """The delivery log, newest first."""
    subscription = _subscription(request, pk)
    page = Paginator(queries.deliveries(subscription), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "subscription": subscription,
        "page": page,
        "can_see_payloads": request.user.role == User.Role.HQ_ADMIN,
    }
    return render(request, "webhooks/subscription_detail.html", context)


@login_required
def delivery_detail(request, pk):
    if request.user.role != User.Role.HQ_ADMIN:
        raise PermissionDenied
    delivery = get_object_or_404(WebhookDelivery.objects.select_related("subscription"), pk=pk)
    context = {"delivery": delivery, "body": queries.pretty_payload(delivery)}
    return render(request, "webhooks/delivery_detail.html", context)


@login_required
@require_POST
def delivery_redeliver(request, pk):
    if not is_organiser(request.user):
        raise PermissionDenied
    delivery = get_object_or_404(WebhookDelivery, pk=pk)
    services.redeliver(delivery, actor=request.user)
    messages.success(request, _("Queued to be sent again."))
    return redirect("webhooks:subscription-detail", pk=delivery.subscription_id)
