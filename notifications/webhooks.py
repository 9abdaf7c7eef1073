"""Delivery reports from the SMS providers: one URL per provider, outside the language
prefix. A forged report is refused (403) and changes nothing; a report for a message we
do not know is answered 200, logged and ignored, so the provider stops sending it."""

import logging

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.rate_limits import rate_limit

from .delivery_reports import record_delivery
from .sms_errors import InvalidDeliveryReport
from .sms_gateways import GATEWAYS

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
@rate_limit("RATELIMIT_WEBHOOKS")
def sms_status(request, provider, token=""):
    backend_class = GATEWAYS.get(provider)
    if backend_class is None:
        return HttpResponse(status=404)
    try:
        reports = backend_class().delivery_reports(request, token=token)
    except InvalidDeliveryReport as error:
        logger.warning("Refused an SMS delivery report: %s", error)
        if error.forged:
            return HttpResponseForbidden()
        return HttpResponseBadRequest()
    for report in reports:
        record_delivery(provider=provider, report=report)
    return HttpResponse(status=200)
