"""Africa's Talking SMS (https://developers.africastalking.com/docs/sms/sending/bulk),
an aggregator that reaches every Cameroonian network.

- Send: POST {base}/version1/messaging, header ``apiKey``, ``Accept: application/json``,
  form username/to/message (and ``from``, a registered sender id); 201 with
  {"SMSMessageData": {"Recipients": [{"number", "status", "statusCode", "messageId",
  "cost"}]}}. Per-recipient statusCode: 100 Processed, 101 Sent, 102 Queued; 403
  InvalidPhoneNumber, 404 UnsupportedNumberType, 406 UserInBlacklist, 409
  DoNotDisturbRejection, 402 InvalidSenderId never go; 401 RiskHold, 405
  InsufficientBalance, 407 CouldNotRoute and 5xx may go later.
- Delivery reports: Africa's Talking POSTs the form id/status (Sent, Submitted,
  Buffered, Success, Failed, Rejected, AbsentSubscriber, Expired)/phoneNumber/
  failureReason to the callback URL set in its dashboard (`manage.py sms_status_urls`
  prints it). It signs nothing: the URL
  carries our secret token (notifications.sms_gateways.http.status_token).

Settings: AFRICASTALKING_BASE_URL (https://api.sandbox.africastalking.com for the
sandbox), AFRICASTALKING_USERNAME, AFRICASTALKING_API_KEY, AFRICASTALKING_SENDER_ID,
SMS_HTTP_TIMEOUT.
"""

from django.conf import settings

from ..models import OutboundMessage
from ..sms import DeliveryReport, SentSMS, SMSBackend
from ..sms_errors import (
    InvalidDeliveryReport,
    InvalidPhoneNumber,
    PermanentSMSError,
    RetryableSMSError,
)
from . import http

LABEL = "Africa's Talking"
ACCEPTED_CODES = {100, 101, 102}
INVALID_NUMBER_CODES = {403, 404}
PERMANENT_CODES = {402, 406, 409}
Delivery = OutboundMessage.Delivery
STATES = {
    "Submitted": Delivery.SENT,
    "Buffered": Delivery.SENT,
    "Sent": Delivery.SENT,
    "Success": Delivery.DELIVERED,
    "Failed": Delivery.UNDELIVERED,
    "Rejected": Delivery.UNDELIVERED,
    "AbsentSubscriber": Delivery.UNDELIVERED,
    "Expired": Delivery.UNDELIVERED,
}


class AfricasTalkingSMSBackend(SMSBackend):
    name = "africastalking"

    def __init__(self):
        self.base_url = settings.AFRICASTALKING_BASE_URL.rstrip("/")
        self.username = settings.AFRICASTALKING_USERNAME
        self.api_key = settings.AFRICASTALKING_API_KEY
        self.sender_id = settings.AFRICASTALKING_SENDER_ID

    def deliver(self, to, text):
        if not (self.username and self.api_key):
            raise PermanentSMSError("Africa's Talking is not configured (AFRICASTALKING_*).")
        form = {"username": self.username, "to": to, "message": text}
        if self.sender_id:
            form["from"] = self.sender_id
        response = http.request(
            LABEL,
            "POST",
            f"{self.base_url}/version1/messaging",
            data=form,
            headers={"apiKey": self.api_key, "Accept": "application/json"},
        )
        if response.status_code not in (200, 201):
            http.refuse(LABEL, response)
        data = http.json_object(LABEL, response).get("SMSMessageData")
        recipients = data.get("Recipients") if isinstance(data, dict) else None
        if not recipients or not isinstance(recipients[0], dict):
            # The whole request was refused; SMSMessageData.Message says why.
            message = data.get("Message", "") if isinstance(data, dict) else ""
            raise PermanentSMSError(f"Africa's Talking sent nothing: {message}")
        return self._result(recipients[0])

    def _result(self, recipient):
        try:
            code = int(recipient.get("statusCode", 0))
        except (TypeError, ValueError):
            code = 0
        status = str(recipient.get("status", ""))
        if code in INVALID_NUMBER_CODES:
            raise InvalidPhoneNumber(f"Africa's Talking: {status} ({code})")
        if code in PERMANENT_CODES:
            raise PermanentSMSError(f"Africa's Talking: {status} ({code})")
        if code not in ACCEPTED_CODES or not recipient.get("messageId"):
            raise RetryableSMSError(f"Africa's Talking: {status} ({code})")
        delivery = Delivery.SENT if code == 101 else Delivery.ACCEPTED
        return SentSMS(self.name, str(recipient["messageId"]), delivery, status)

    def delivery_reports(self, request, *, token=""):
        http.check_status_token(self.name, token)
        message_id = request.POST.get("id", "")
        status = request.POST.get("status", "")
        if not message_id or status not in STATES:
            raise InvalidDeliveryReport(f"Africa's Talking report: {message_id!r} {status!r}")
        detail = status
        if request.POST.get("failureReason"):
            detail = f"{status}: {request.POST['failureReason']}"
        return [DeliveryReport(STATES[status], provider_message_id=message_id, detail=detail)]
