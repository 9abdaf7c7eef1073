"""A small fake of three SMS APIs, for the SMS gateway tests: real HTTP on 127.0.0.1,
state in memory, every request recorded, tokens that expire, faults on demand.

- Twilio Programmable Messaging: POST /2010-04-01/Accounts/{Sid}/Messages.json, Basic
  auth (Account SID, auth token), form To/From/Body[/StatusCallback] → 201 {sid, status}.
- Orange SMS API: POST /oauth/v3/token (Basic client id:secret, grant_type=
  client_credentials) → {access_token, expires_in}; POST /smsmessaging/v1/outbound/
  {sender}/requests with a Bearer token → 201 {outboundSMSMessageRequest: {resourceURL}}.
- Africa's Talking: POST /version1/messaging, header apiKey, form username/to/message/
  from → 201 {SMSMessageData: {Recipients: [...]}}.

Recipients: INVALID_NUMBER (well-formed E.164, but no such subscriber) is refused the
way each provider refuses a bad number (Twilio 400 code 21211, Orange 400 SVC0004,
Africa's Talking statusCode 403). Faults, for requests whose path starts with a prefix:
SLOW (answer after `slow_seconds`, longer than the client's timeout) and SERVER_ERROR
(500, nothing done). `revoke_tokens()` kills Orange tokens early.

The signed Twilio status callback and the other providers' report bodies are built here
with this module's own code, not the site's, so the tests check one against the other.
"""

import base64
import hashlib
import hmac
import json
import re
import time
import uuid
from urllib.parse import parse_qsl, quote, unquote, urlencode

# The tests name the shared faults through this module (fake.SLOW, fake.SERVER_ERROR).
from ..fake_provider_server import SERVER_ERROR as SERVER_ERROR
from ..fake_provider_server import SLOW as SLOW
from ..fake_provider_server import FakeProviderServer, basic_auth, json_object

TWILIO_ACCOUNT_SID = "AC" + "0" * 31 + "1"
TWILIO_AUTH_TOKEN = "fake-twilio-auth-token"
TWILIO_FROM_NUMBER = "+15005550006"

ORANGE_CLIENT_ID = "fake-orange-sms-client"
ORANGE_CLIENT_SECRET = "fake-orange-sms-secret"
ORANGE_SENDER_ADDRESS = "tel:+2370000"
ORANGE_SENDER_NAME = "BSAcademy"

AT_USERNAME = "sandbox"
AT_API_KEY = "fake-africastalking-api-key"
AT_SENDER_ID = "BSAcademy"

INVALID_NUMBER = "+237600000000"


E164 = re.compile(r"\+[1-9]\d{6,14}")


class FakeSMSProviders(FakeProviderServer):
    def __init__(self):
        super().__init__()
        self.token_lifetime = 3600
        self.twilio_messages = {}  # sid -> form
        self.orange_messages = {}  # request id -> outboundSMSMessageRequest
        self.at_messages = {}  # messageId -> form
        self._tokens = {}  # token -> expires at (monotonic)

    # --- Controls and records -------------------------------------------------------------

    def revoke_tokens(self):
        with self._lock:
            self._tokens.clear()

    def orange_token_calls(self):
        return self.requests_to("POST", "/oauth/v3/token")

    # --- Reports, as each provider sends them ----------------------------------------------

    @staticmethod
    def twilio_signature(url, params):
        """X-Twilio-Signature as Twilio computes it: URL + sorted name/value pairs,
        HMAC-SHA1 with the auth token, base64."""
        payload = url + "".join(f"{name}{params[name]}" for name in sorted(params))
        digest = hmac.new(TWILIO_AUTH_TOKEN.encode(), payload.encode(), hashlib.sha1).digest()
        return base64.b64encode(digest).decode()

    @staticmethod
    def twilio_status_form(sid, status, to="+237677123456"):
        return {
            "AccountSid": TWILIO_ACCOUNT_SID,
            "ApiVersion": "2010-04-01",
            "From": TWILIO_FROM_NUMBER,
            "MessageSid": sid,
            "MessageStatus": status,
            "SmsSid": sid,
            "SmsStatus": status,
            "To": to,
        }

    @staticmethod
    def orange_receipt(address, status):
        return json.dumps(
            {
                "deliveryInfoNotification": {
                    "callbackData": "bsa",
                    "deliveryInfo": {"address": f"tel:{address}", "deliveryStatus": status},
                }
            }
        ).encode()

    @staticmethod
    def at_report(message_id, status, number="+237677123456", reason=""):
        form = {"id": message_id, "status": status, "phoneNumber": number, "networkCode": "62402"}
        if reason:
            form["failureReason"] = reason
        return urlencode(form)

    # --- Answers ----------------------------------------------------------------------

    # Twilio.

    def _twilio_send(self, headers, body, account_sid):
        if account_sid != TWILIO_ACCOUNT_SID or basic_auth(headers) != (
            TWILIO_ACCOUNT_SID,
            TWILIO_AUTH_TOKEN,
        ):
            return 401, {"code": 20003, "message": "Authenticate", "status": 401}
        form = dict(parse_qsl(body.decode()))
        to = form.get("To", "")
        if form.get("From") != TWILIO_FROM_NUMBER:
            return 400, {"code": 21606, "message": "The From number is not valid.", "status": 400}
        if not form.get("Body"):
            return 400, {"code": 21602, "message": "Message body is required.", "status": 400}
        if not E164.fullmatch(to) or to == INVALID_NUMBER:
            return 400, {
                "code": 21211,
                "message": f"The 'To' number {to} is not a valid phone number.",
                "status": 400,
            }
        sid = "SM" + uuid.uuid4().hex
        self.twilio_messages[sid] = form
        return 201, {
            "sid": sid,
            "account_sid": TWILIO_ACCOUNT_SID,
            "to": to,
            "from": TWILIO_FROM_NUMBER,
            "body": form["Body"],
            "status": "queued",
            "num_segments": "1",
            "error_code": None,
        }

    # Orange.

    def _orange_token(self, headers, body):
        if basic_auth(headers) != (ORANGE_CLIENT_ID, ORANGE_CLIENT_SECRET):
            return 401, {"error": "invalid_client", "error_description": "Client auth failed."}
        if dict(parse_qsl(body.decode())).get("grant_type") != "client_credentials":
            return 400, {"error": "unsupported_grant_type"}
        token = uuid.uuid4().hex
        self._tokens[token] = time.monotonic() + self.token_lifetime
        return 200, {
            "token_type": "Bearer",
            "access_token": token,
            "expires_in": self.token_lifetime,
        }

    def _orange_send(self, headers, body, sender):
        kind, _, token = headers.get("Authorization", "").partition(" ")
        if kind != "Bearer" or self._tokens.get(token, 0) <= time.monotonic():
            return 401, {
                "code": 42,
                "message": "Expired credentials",
                "description": "The requested service needs credentials, but the ones "
                "provided were out-of-date.",
            }
        request = json_object(body).get("outboundSMSMessageRequest")
        if not isinstance(request, dict):
            return 400, _orange_error("SVC0002", "Invalid input value for message part %1")
        address = str(request.get("address", ""))
        message = request.get("outboundSMSTextMessage")
        if ORANGE_SENDER_ADDRESS not in (unquote(sender), request.get("senderAddress")):
            return 400, _orange_error("SVC0002", "Invalid input value for senderAddress")
        if unquote(sender) != request.get("senderAddress"):
            return 400, _orange_error("SVC0002", "Invalid input value for senderAddress")
        if not isinstance(message, dict) or not message.get("message"):
            return 400, _orange_error("SVC0002", "Invalid input value for message part %1")
        number = address.removeprefix("tel:")
        if not address.startswith("tel:") or not E164.fullmatch(number) or number == INVALID_NUMBER:
            return 400, _orange_error(
                "SVC0004", "No valid addresses provided in message part %1", "address"
            )
        request_id = uuid.uuid4().hex
        self.orange_messages[request_id] = request
        resource = f"{self.url}/smsmessaging/v1/outbound/{quote(sender, safe='')}/requests"
        return 201, {
            "outboundSMSMessageRequest": {**request, "resourceURL": f"{resource}/{request_id}"}
        }

    # Africa's Talking.

    def _at_send(self, headers, body):
        if headers.get("apiKey") != AT_API_KEY:
            return 401, b"The supplied authentication is invalid"
        form = dict(parse_qsl(body.decode()))
        if form.get("username") != AT_USERNAME:
            return 401, b"The supplied authentication is invalid"
        if not form.get("message") or not form.get("to"):
            return 400, b"Request is missing required form field 'to'"
        number = form["to"]
        if not E164.fullmatch(number) or number == INVALID_NUMBER:
            recipient = {
                "statusCode": 403,
                "number": number,
                "status": "InvalidPhoneNumber",
                "cost": "0",
                "messageId": "None",
            }
        else:
            message_id = "ATXid_" + uuid.uuid4().hex
            self.at_messages[message_id] = form
            recipient = {
                "statusCode": 101,
                "number": number,
                "status": "Success",
                "cost": "XAF 20.0000",
                "messageId": message_id,
            }
        return 201, {
            "SMSMessageData": {
                "Message": "Sent to 1/1 Total Cost: XAF 20",
                "Recipients": [recipient],
            }
        }


ROUTES = [
    (r"/2010-04-01/Accounts/([^/]+)/Messages\.json", "POST", FakeSMSProviders._twilio_send),
    (r"/oauth/v3/token", "POST", FakeSMSProviders._orange_token),
    (r"/smsmessaging/v1/outbound/([^/]+)/requests", "POST", FakeSMSProviders._orange_send),
    (r"/version1/messaging", "POST", FakeSMSProviders._at_send),
]


def _orange_error(message_id, text, variables=""):
    exception = {"messageId": message_id, "text": text}
    if variables:
        exception["variables"] = variables
    return {"requestError": {"serviceException": exception}}


FakeSMSProviders.ROUTES = ROUTES
