"""The public subscription page: both plans, what they open, and the reader's own pass
with its automatic renewal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .errors import NotForSale
from .models import Subscription
from .money import format_xaf
from .pass_contents import pass_contents
from .renewals import RENEW_BEFORE, renewal_of, turn_off_renewal
from .subscriptions import PLAN_DAYS, plan_price_xaf, subscribed_until


def _plans(user):
    plans = []
    for plan in Subscription.Plan:
        buy_url = reverse("checkout:buy", args=["subscription", plan.value])
        if not user.is_authenticated:
            buy_url = reverse("account_signup") + "?" + urlencode({"next": buy_url})
        plans.append(
            {
                "plan": plan.value,
                "label": plan.label,
                "days": PLAN_DAYS[plan],
                "price": format_xaf(plan_price_xaf(plan)),
                "buy_url": buy_url,
            }
        )
    return plans


def subscription(request):
    renewal = renewal_of(user=request.user)
    if renewal and renewal["subscription"]:
        renewal["price"] = format_xaf(plan_price_xaf(renewal["subscription"].plan))
        renewal["days_before"] = RENEW_BEFORE.days
    for attempt in renewal["attempts"] if renewal else ():
        attempt.amount = format_xaf(attempt.order.amount_xaf) if attempt.order else ""
    response = render(
        request,
        "checkout/subscription.html",
        {
            "plans": _plans(request.user),
            "courses": pass_contents(),
            "subscribed_until": subscribed_until(request.user),
            "renewal": renewal,
        },
    )
    if request.user.is_authenticated:
        # The reader's own pass and number are on it: never kept by a shared cache.
        patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_POST
def turn_off_renewal_view(request, pk):
    try:
        turn_off_renewal(user=request.user, subscription_id=pk)
    except NotForSale:
        raise Http404 from None
    messages.success(
        request, _("Automatic renewal is off: nothing more will be asked from your number.")
    )
    return redirect("subscriptions:subscription")
