"""Orange SMS API for Cameroon (developer.orange.com, "SMS Cameroon").

- Token: POST {base}/oauth/v3/token, header ``Authorization: Basic <client id:secret>``,
  form grant_type=client_credentials → access_token, expires_in. Kept in the Django
  cache until a minute before it expires (core.bearer_tokens); a 401 on a send fetches a
  fresh token and tries once more.
- Send: POST {base}/smsmessaging/v1/outbound/{sender, url-encoded}/requests with JSON
  {"outboundSMSMessageRequest": {"address": "tel:+237…", "senderAddress": "tel:+237…",
  "outboundSMSTextMessage": {"message": …}, "senderName": …}}; 201 with
  outboundSMSMessageRequest.resourceURL, whose last segment names the request. A 4xx
  carries requestError.serviceException (SVC0004: invalid address) or policyException
  (POL…: no SMS bundle left…).
- Delivery reports: Orange POSTs JSON {"deliveryInfoNotification": {"deliveryInfo":
  {"address": "tel:+237…", "deliveryStatus": "DeliveredToTerminal" | "DeliveryImpossible"
  | …}}} to the URL we give Orange once ("Real time SMS DR" on the developer portal's
  contact form; `manage.py sms_status_urls` prints it). The report names the recipient,
  not the request, so it updates the latest Orange SMS to that number still waiting for
  a report. Orange signs nothing: the URL carries our secret token
  (notifications.sms_gateways.http.status_token).

Settings: ORANGE_SMS_BASE_URL, ORANGE_SMS_CLIENT_ID, ORANGE_SMS_CLIENT_SECRET,
ORANGE_SMS_SENDER_ADDRESS (tel:+237…), ORANGE_SMS_SENDER_NAME, SMS_HTTP_TIMEOUT.
"""

import hashlib
import logging
from urllib.parse import quote

from django.conf import settings

from core import safe_json
from core.bearer_tokens import BadTokenAnswer, CachedBearerToken, call_with_bearer

from ..models import OutboundMessage
from ..sms import DeliveryReport, SentSMS, SMSBackend
from ..sms_errors import InvalidDeliveryReport, PermanentSMSError, RetryableSMSError
from . import http

logger = logging.getLogger(__name__)

LABEL = "Orange SMS"
# A cached token is dropped this long before Orange says it expires.
TOKEN_MARGIN_SECONDS = 60
REPORT_MAX_BYTES = 64 * 1024
Delivery = OutboundMessage.Delivery
STATES = {
    "MessageWaiting": Delivery.ACCEPTED,
    "DeliveredToNetwork": Delivery.SENT,
    "DeliveryUncertain": Delivery.SENT,
    "DeliveryNotificationNotSupported": Delivery.SENT,
    "DeliveredToTerminal": Delivery.DELIVERED,
    "DeliveryImpossible": Delivery.UNDELIVERED,
}


class OrangeSMSBackend(SMSBackend):
    name = "orange"

    def __init__(self):
        self.base_url = settings.ORANGE_SMS_BASE_URL.rstrip("/")
        self.client_id = settings.ORANGE_SMS_CLIENT_ID
        self.client_secret = settings.ORANGE_SMS_CLIENT_SECRET
        self.sender_address = settings.ORANGE_SMS_SENDER_ADDRESS
        self.sender_name = settings.ORANGE_SMS_SENDER_NAME
        identity = f"{self.base_url}|{self.client_id}"
        self.token = CachedBearerToken(
            cache_key="notifications:orange_sms:token:"
            + hashlib.sha256(identity.encode()).hexdigest()[:24],
            fetch=self._fetch_token,
            margin_seconds=TOKEN_MARGIN_SECONDS,
        )

    def deliver(self, to, text):
        if not (self.client_id and self.client_secret and self.sender_address):
            raise PermanentSMSError("Orange SMS is not configured (ORANGE_SMS_* settings).")
        request = {
            "address": f"tel:{to}",
            "senderAddress": self.sender_address,
            "outboundSMSTextMessage": {"message": text},
        }
        if self.sender_name:
            request["senderName"] = self.sender_name
        url = (
            f"{self.base_url}/smsmessaging/v1/outbound/"
            f"{quote(self.sender_address, safe='')}/requests"
        )

        def send(access_token):
            return http.request(
                LABEL,
                "POST",
                url,
                json={"outboundSMSMessageRequest": request},
                headers={"Authorization": f"Bearer {access_token}", "Accept": "application/json"},
            )

        try:
            response = call_with_bearer(self.token, send)
        except BadTokenAnswer as error:
            raise RetryableSMSError(f"{LABEL}: {error}") from error
        if response.status_code != 201:
            http.refuse(LABEL, response)
        answer = http.json_object(LABEL, response).get("outboundSMSMessageRequest")
        resource_url = answer.get("resourceURL", "") if isinstance(answer, dict) else ""
        request_id = str(resource_url).rstrip("/").rpartition("/")[2]
        if not request_id:
            raise PermanentSMSError("Orange's answer has no resourceURL.")
        return SentSMS(self.name, request_id)

    def _fetch_token(self):
        response = http.request(
            LABEL,
            "POST",
            f"{self.base_url}/oauth/v3/token",
            auth=(self.client_id, self.client_secret),
            data={"grant_type": "client_credentials"},
            headers={"Accept": "application/json"},
        )
        if response.status_code != 200:
            logger.error("Orange SMS refused our client credentials (%s)", response.status_code)
            http.refuse(LABEL, response)
        return http.json_object(LABEL, response)

    def delivery_reports(self, request, *, token=""):
        http.check_status_token(self.name, token)
        try:
            data = safe_json.loads(request.body or b"{}", max_bytes=REPORT_MAX_BYTES)
        except safe_json.UnsafeJSON as error:
            raise InvalidDeliveryReport("Orange delivery report is not JSON") from error
        notification = data.get("deliveryInfoNotification") if isinstance(data, dict) else None
        info = notification.get("deliveryInfo") if isinstance(notification, dict) else None
        if not isinstance(info, dict):
            raise InvalidDeliveryReport("Orange delivery report has no deliveryInfo")
        address = str(info.get("address", ""))
        status = str(info.get("deliveryStatus", ""))
        if not address.startswith("tel:") or status not in STATES:
            raise InvalidDeliveryReport(f"Orange delivery report: {address!r} {status!r}")
        return [DeliveryReport(STATES[status], recipient=address[4:], detail=status)]
