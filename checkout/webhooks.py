"""Provider notifications: authenticated by the provider backend, matched to our payment,
then applied exactly like a status check (or used as a hint to check now)."""

import logging

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.rate_limits import rate_limit

from . import services
from .errors import InvalidNotification
from .models import Payment, PaymentEvent
from .providers import get_provider

logger = logging.getLogger(__name__)


@csrf_exempt
@require_http_methods(["GET", "POST", "PUT"])
@rate_limit("RATELIMIT_WEBHOOKS")
def receive(request, provider_name):
    if provider_name not in settings.CHECKOUT_PROVIDERS:
        raise Http404
    provider = get_provider(provider_name)
    if request.method == "GET" and not provider.webhook_by_get:
        return HttpResponseNotAllowed(["POST", "PUT"])
    try:
        notification = provider.parse_webhook(request)
    except InvalidNotification as error:
        logger.warning("Refused %s notification: %s", provider_name, error)
        return JsonResponse({"error": "invalid notification"}, status=400)
    if not notification.provider_reference:
        # An event about something else (e.g. a Stripe charge): acknowledged, ignored.
        return JsonResponse({"received": True, "ignored": True})
    payment = Payment.objects.filter(
        provider=provider_name, provider_reference=notification.provider_reference
    ).first()
    if payment is None:
        logger.warning(
            "%s notification for unknown reference %r",
            provider_name,
            notification.provider_reference,
        )
        return JsonResponse({"error": "unknown reference"}, status=404)
    if notification.status is None:
        # Unsigned hints (MTN, Orange): never trusted, only a reason to ask now.
        PaymentEvent.objects.create(
            payment=payment,
            source=PaymentEvent.Source.WEBHOOK,
            note="hint: check status",
            payload=notification.raw if isinstance(notification.raw, dict) else {},
        )
        services.poll_payment(payment=payment)
        return JsonResponse({"received": True}, status=202)
    services.apply_status(
        payment_id=payment.pk, result=notification, source=PaymentEvent.Source.WEBHOOK
    )
    return JsonResponse({"received": True})
