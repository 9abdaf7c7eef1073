"""The public subscription page: both plans, what they open, and the reader's own pass."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from .models import Subscription
from .money import format_xaf
from .pass_contents import pass_contents
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
    return render(
        request,
        "checkout/subscription.html",
        {
            "plans": _plans(request.user),
            "courses": pass_contents(),
            "subscribed_until": subscribed_until(request.user),
        },
    )
