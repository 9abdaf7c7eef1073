"""A small fake of MTN MoMo (Collection and Disbursement v1_0) and Orange Money Cameroon
(merchant payment, omcoreapis 1.0.2), for the two backends' tests: real HTTP on
127.0.0.1, state in memory, every request recorded, tokens that expire, faults on demand.

MTN payer numbers (partyId), as in MTN's sandbox:
    46733123450  FAILED (INTERNAL_PROCESSING_ERROR)
    46733123451  FAILED (APPROVAL_REJECTED): the payer said no
    46733123452  FAILED (EXPIRED): the payer never answered
    46733123453  PENDING for ever (ongoing)
    46733123454  PENDING for the first `delayed_polls` status checks, then SUCCESSFUL
    46733123455  FAILED (PAYER_NOT_FOUND)
    46733123459  ours, not MTN's: requesttopay itself is refused, 400 PAYER_NOT_FOUND
    any other    SUCCESSFUL at the first status check
A reused X-Reference-Id answers 409 RESOURCE_ALREADY_EXIST. Refunds (Disbursement) end
in `refund_outcome` (SUCCESSFUL by default; PENDING or FAILED on demand).

Orange subscriber numbers (subscriberMsisdn; ours, Orange publishes none):
    699000000  FAILED
    699000001  CANCELLED: the customer refused
    699000002  EXPIRED: the customer never answered
    699000003  PENDING for ever
    699000004  PENDING for the first `delayed_polls` status checks, then SUCCESSFULL
    699000005  mp/pay refused: 400, subscriber not found
    any other  SUCCESSFULL (Orange's spelling) at the first status check

Tokens last `token_lifetime` seconds (the answer's expires_in); `revoke_tokens()` kills
them early. Faults, for requests whose path starts with a prefix (all when empty):
SLOW (answer after `slow_seconds`, longer than the client's timeout), SERVER_ERROR (500,
nothing done), MALFORMED (200 with a body that is not JSON, nothing done), LOST_ANSWER
(done, then a 504: the answer is lost). The Disbursement product (refunds) takes only its
own subscription key and API user.
"""

import json
import time
import uuid
from urllib.parse import parse_qsl

# The tests name the shared faults through this module (fake.SLOW, fake.SERVER_ERROR).
from ..fake_provider_server import SERVER_ERROR as SERVER_ERROR
from ..fake_provider_server import SLOW as SLOW
from ..fake_provider_server import FakeProviderServer, basic_auth, json_object

MTN_SUBSCRIPTION_KEY = "fake-collection-subscription-key"
MTN_DISBURSEMENT_SUBSCRIPTION_KEY = "fake-disbursement-subscription-key"
MTN_API_USER = "0b1e7c3e-5b2a-4c55-9d0e-6f1a2b3c4d5e"
MTN_API_KEY = "fake-mtn-api-key"
# Disbursement is a product of its own, with its own API user made under its own key.
MTN_DISBURSEMENT_API_USER = "7d2f9a40-3c1b-4e8e-a5d6-1b2c3d4e5f60"
MTN_DISBURSEMENT_API_KEY = "fake-mtn-disbursement-api-key"
MTN_TARGET_ENVIRONMENT = "sandbox"
MTN_CURRENCIES = {"EUR", "XAF"}

ORANGE_CLIENT_ID = "fake-orange-client"
ORANGE_CLIENT_SECRET = "fake-orange-secret"
ORANGE_X_AUTH_TOKEN = "fake-orange-x-auth-token"
ORANGE_MERCHANT_MSISDN = "699999999"
ORANGE_MERCHANT_PIN = "2222"

MTN_FAILED = "46733123450"
MTN_REJECTED = "46733123451"
MTN_EXPIRED = "46733123452"
MTN_ONGOING = "46733123453"
MTN_DELAYED = "46733123454"
MTN_PAYER_NOT_FOUND = "46733123455"
MTN_REFUSED_AT_START = "46733123459"
MTN_OUTCOMES = {
    MTN_FAILED: ("FAILED", "INTERNAL_PROCESSING_ERROR"),
    MTN_REJECTED: ("FAILED", "APPROVAL_REJECTED"),
    MTN_EXPIRED: ("FAILED", "EXPIRED"),
    MTN_PAYER_NOT_FOUND: ("FAILED", "PAYER_NOT_FOUND"),
}

ORANGE_FAILED = "699000000"
ORANGE_CANCELLED = "699000001"
ORANGE_EXPIRED = "699000002"
ORANGE_ONGOING = "699000003"
ORANGE_DELAYED = "699000004"
ORANGE_REFUSED_AT_START = "699000005"
ORANGE_OUTCOMES = {
    ORANGE_FAILED: "FAILED",
    ORANGE_CANCELLED: "CANCELLED",
    ORANGE_EXPIRED: "EXPIRED",
}

MALFORMED = "malformed"
# The request is carried out, then its answer is lost on the way back (a 504 from a
# gateway): the caller cannot know it was done.
LOST_ANSWER = "lost answer"

MP = "/omcoreapis/1.0.2/mp"


class FakeMobileMoney(FakeProviderServer):
    SERVER_ERROR_ANSWER = {"code": "INTERNAL_PROCESSING_ERROR", "message": "Boom."}
    NOT_FOUND_ANSWER = {"code": "RESOURCE_NOT_FOUND"}

    def __init__(self):
        super().__init__()
        self.token_lifetime = 3600
        self.delayed_polls = 2
        self.refund_outcome = "SUCCESSFUL"
        self.mtn_payments = {}
        self.mtn_refunds = {}
        self.orange_payments = {}
        self._tokens = {}  # token -> (product, expires at, monotonic)

    # --- Controls and records -------------------------------------------------------------

    def fault_answer(self, fault):
        if fault == MALFORMED:
            return 200, b'{"status": "SUCCESSFUL", '
        return super().fault_answer(fault)

    def answer(self, method, path, headers, body):
        answer = super().answer(method, path, headers, body)
        if self.fault_for(path) == LOST_ANSWER:
            return 504, {"message": "Gateway timeout"}
        return answer

    def disbursements(self):
        """Refunds MTN actually made (money sent back), whatever answers got lost."""
        with self._lock:
            return [r for r in self.mtn_refunds.values() if r["status"] == "SUCCESSFUL"]

    def encode(self, answer):
        """The mobile-money APIs label every non-empty answer JSON, even a broken one."""
        payload = answer if isinstance(answer, bytes | type(None)) else None
        if payload is None and answer is not None:
            return super().encode(answer)
        return (payload or b""), ("application/json" if payload else None)

    def revoke_tokens(self):
        """Every token issued so far stops working, as when the provider restarts."""
        with self._lock:
            self._tokens.clear()

    def token_calls(self, product):
        path = "/token" if product == "orange" else f"/{product}/token/"
        return self.requests_to("POST", path)

    def mtn_callback(self, reference_id, *, with_reference=True):
        """The body MTN would send to X-Callback-Url: the status answer, plus the
        referenceId unless told otherwise (not every MTN market includes it)."""
        with self._lock:
            body = _mtn_status_body(self.mtn_payments[reference_id])
        if with_reference:
            body["referenceId"] = reference_id
        return json.dumps(body).encode()

    def orange_notification(self, pay_token):
        with self._lock:
            payment = self.orange_payments[pay_token]
            body = {"payToken": pay_token, "status": payment["status"], "message": "notified"}
        return json.dumps(body).encode()

    # --- Answers ----------------------------------------------------------------------

    # Tokens.

    def _issue_token(self, product):
        token = uuid.uuid4().hex
        self._tokens[token] = (product, time.monotonic() + self.token_lifetime)
        return token

    def _token_ok(self, headers, product):
        kind, _, token = headers.get("Authorization", "").partition(" ")
        product_and_expiry = self._tokens.get(token) if kind == "Bearer" else None
        return (
            product_and_expiry is not None
            and product_and_expiry[0] == product
            and product_and_expiry[1] > time.monotonic()
        )

    def _mtn_token(self, headers, body, product):
        subscription_key = (
            MTN_SUBSCRIPTION_KEY if product == "collection" else MTN_DISBURSEMENT_SUBSCRIPTION_KEY
        )
        if headers.get("Ocp-Apim-Subscription-Key") != subscription_key:
            return 401, {"statusCode": 401, "message": "Access denied: invalid subscription key."}
        api_user = (
            (MTN_API_USER, MTN_API_KEY)
            if product == "collection"
            else (MTN_DISBURSEMENT_API_USER, MTN_DISBURSEMENT_API_KEY)
        )
        if basic_auth(headers) != api_user:
            return 401, {"error": "login_failed"}
        token = self._issue_token(product)
        return 200, {
            "access_token": token,
            "token_type": "access_token",
            "expires_in": self.token_lifetime,
        }

    def _mtn_refused(self, headers, product):
        subscription_key = (
            MTN_SUBSCRIPTION_KEY if product == "collection" else MTN_DISBURSEMENT_SUBSCRIPTION_KEY
        )
        if headers.get("Ocp-Apim-Subscription-Key") != subscription_key:
            return 401, {"statusCode": 401, "message": "Access denied: invalid subscription key."}
        if not self._token_ok(headers, product):
            return 401, {"code": "NOT_AUTHORIZED", "message": "Invalid or expired token."}
        if headers.get("X-Target-Environment") != MTN_TARGET_ENVIRONMENT:
            return 400, {"code": "NOT_ALLOWED_TARGET_ENVIRONMENT", "message": "Wrong target."}
        return None

    # MTN Collection.

    def _request_to_pay(self, headers, body):
        refused = self._mtn_refused(headers, "collection")
        if refused:
            return refused
        reference_id = headers.get("X-Reference-Id", "")
        if not _is_uuid(reference_id):
            return 400, {"code": "INVALID_REFERENCE_ID", "message": "X-Reference-Id: UUID4."}
        if reference_id in self.mtn_payments:
            return 409, {
                "code": "RESOURCE_ALREADY_EXIST",
                "message": "Duplicated reference id. Creation of resource failed.",
            }
        data = json_object(body)
        payer = data.get("payer") if isinstance(data.get("payer"), dict) else {}
        party_id = str(payer.get("partyId", ""))
        if not isinstance(data.get("amount"), str) or not _is_amount(data["amount"]):
            return 400, {"code": "INVALID_AMOUNT", "message": "amount is a string of digits."}
        if data.get("currency") not in MTN_CURRENCIES:
            return 400, {"code": "INVALID_CURRENCY", "message": "Currency not supported."}
        if payer.get("partyIdType") != "MSISDN" or not party_id.isdigit():
            return 400, {"code": "INVALID_PAYER", "message": "payer: MSISDN digits."}
        if party_id == MTN_REFUSED_AT_START:
            return 400, {"code": "PAYER_NOT_FOUND", "message": "Payer not found."}
        self.mtn_payments[reference_id] = {
            **data,
            "referenceId": reference_id,
            "callbackUrl": headers.get("X-Callback-Url", ""),
            "status": "PENDING",
            "reason": None,
            "status_calls": 0,
            "refunded": 0,
        }
        return 202, None

    def _request_to_pay_status(self, headers, body, reference_id):
        refused = self._mtn_refused(headers, "collection")
        if refused:
            return refused
        payment = self.mtn_payments.get(reference_id)
        if payment is None:
            return 404, {"code": "RESOURCE_NOT_FOUND", "message": "Requested resource not found."}
        payment["status_calls"] += 1
        if payment["status"] == "PENDING":
            party_id = payment["payer"]["partyId"]
            if party_id in MTN_OUTCOMES:
                payment["status"], payment["reason"] = MTN_OUTCOMES[party_id]
            elif party_id == MTN_DELAYED:
                if payment["status_calls"] > self.delayed_polls:
                    payment["status"] = "SUCCESSFUL"
            elif party_id != MTN_ONGOING:
                payment["status"] = "SUCCESSFUL"
            if payment["status"] == "SUCCESSFUL":
                payment["financialTransactionId"] = str(uuid.uuid4().int)[:9]
        return 200, _mtn_status_body(payment)

    # MTN Disbursement (refunds).

    def _refund(self, headers, body):
        refused = self._mtn_refused(headers, "disbursement")
        if refused:
            return refused
        reference_id = headers.get("X-Reference-Id", "")
        if not _is_uuid(reference_id):
            return 400, {"code": "INVALID_REFERENCE_ID", "message": "X-Reference-Id: UUID4."}
        if reference_id in self.mtn_refunds:
            return 409, {"code": "RESOURCE_ALREADY_EXIST", "message": "Duplicated reference id."}
        data = json_object(body)
        original = self.mtn_payments.get(str(data.get("referenceIdToRefund", "")))
        if original is None:
            return 404, {"code": "RESOURCE_NOT_FOUND", "message": "Nothing to refund."}
        if original["status"] != "SUCCESSFUL":
            return 400, {"code": "NOT_ALLOWED", "message": "Only a successful payment."}
        amount = data.get("amount")
        left = int(original["amount"]) - original["refunded"]
        if not isinstance(amount, str) or not _is_amount(amount) or int(amount) > left:
            return 400, {"code": "INVALID_AMOUNT", "message": "More than was paid."}
        if self.refund_outcome == "SUCCESSFUL":
            original["refunded"] += int(amount)
        self.mtn_refunds[reference_id] = {**data, "status": self.refund_outcome}
        return 202, None

    def _refund_status(self, headers, body, reference_id):
        refused = self._mtn_refused(headers, "disbursement")
        if refused:
            return refused
        refund = self.mtn_refunds.get(reference_id)
        if refund is None:
            return 404, {"code": "RESOURCE_NOT_FOUND", "message": "Requested resource not found."}
        answer = {
            "amount": refund["amount"],
            "currency": refund["currency"],
            "externalId": refund.get("externalId"),
            "status": refund["status"],
        }
        if refund["status"] == "FAILED":
            answer["reason"] = "INTERNAL_PROCESSING_ERROR"
        return 200, answer

    # Orange Money.

    def _orange_token(self, headers, body):
        if basic_auth(headers) != (ORANGE_CLIENT_ID, ORANGE_CLIENT_SECRET):
            return 401, {"error": "invalid_client", "error_description": "Client auth failed."}
        if dict(parse_qsl(body.decode())).get("grant_type") != "client_credentials":
            return 400, {"error": "unsupported_grant_type"}
        return 200, {
            "access_token": self._issue_token("orange"),
            "scope": "am_application_scope default",
            "token_type": "Bearer",
            "expires_in": self.token_lifetime,
        }

    def _orange_refused(self, headers):
        if not self._token_ok(headers, "orange"):
            return 401, {"fault": {"code": 900901, "message": "Invalid Credentials"}}
        if headers.get("X-AUTH-TOKEN") != ORANGE_X_AUTH_TOKEN:
            return 401, {"message": "Invalid X-AUTH-TOKEN"}
        return None

    def _orange_init(self, headers, body):
        refused = self._orange_refused(headers)
        if refused:
            return refused
        pay_token = f"MP{time.strftime('%y%m%d')}{uuid.uuid4().hex[:12].upper()}"
        self.orange_payments[pay_token] = {"payToken": pay_token, "status": "INITIATED"}
        return 200, {
            "message": "Payment request successfully initiated",
            "data": {"payToken": pay_token},
        }

    def _orange_pay(self, headers, body):
        refused = self._orange_refused(headers)
        if refused:
            return refused
        data = json_object(body)
        payment = self.orange_payments.get(str(data.get("payToken", "")))
        if payment is None or payment["status"] != "INITIATED":
            return 400, {"message": "Unknown or already used payToken", "data": {}}
        if (
            data.get("channelUserMsisdn") != ORANGE_MERCHANT_MSISDN
            or data.get("pin") != ORANGE_MERCHANT_PIN
        ):
            return 400, {"message": "Invalid merchant number or PIN", "data": {}}
        subscriber = str(data.get("subscriberMsisdn", ""))
        amount = data.get("amount")
        if not (len(subscriber) == 9 and subscriber.isdigit()):
            return 400, {"message": "subscriberMsisdn: 9 digits", "data": {}}
        if not isinstance(amount, str) or not _is_amount(amount):
            return 400, {"message": "amount: a string of digits", "data": {}}
        if not data.get("orderId") or not data.get("notifUrl"):
            return 400, {"message": "orderId and notifUrl are required", "data": {}}
        if subscriber == ORANGE_REFUSED_AT_START:
            return 400, {
                "message": "30054 :: Subscriber not found",
                "data": {"status": "FAILED", "inittxnmessage": "Subscriber not found"},
            }
        payment.update(
            {key: value for key, value in data.items() if key != "pin"},
            status="PENDING",
            status_calls=0,
            txnid=None,
        )
        return 200, {
            "message": "Merchant payment successfully initiated",
            "data": _orange_data(payment),
        }

    def _orange_status(self, headers, body, pay_token):
        refused = self._orange_refused(headers)
        if refused:
            return refused
        payment = self.orange_payments.get(pay_token)
        if payment is None:
            return 404, {"message": "Transaction not found", "data": None}
        if payment["status"] == "PENDING":
            payment["status_calls"] += 1
            subscriber = payment["subscriberMsisdn"]
            if subscriber in ORANGE_OUTCOMES:
                payment["status"] = ORANGE_OUTCOMES[subscriber]
            elif subscriber == ORANGE_DELAYED:
                if payment["status_calls"] > self.delayed_polls:
                    payment["status"] = "SUCCESSFULL"
            elif subscriber != ORANGE_ONGOING:
                payment["status"] = "SUCCESSFULL"
            if payment["status"] == "SUCCESSFULL":
                payment["txnid"] = f"MP{uuid.uuid4().int % 10**10}"
        return 200, {"message": "Transaction retrieved successfully", "data": _orange_data(payment)}


ROUTES = [
    (r"/(collection|disbursement)/token/", "POST", FakeMobileMoney._mtn_token),
    (r"/collection/v1_0/requesttopay", "POST", FakeMobileMoney._request_to_pay),
    (r"/collection/v1_0/requesttopay/([^/]+)", "GET", FakeMobileMoney._request_to_pay_status),
    (r"/disbursement/v1_0/refund", "POST", FakeMobileMoney._refund),
    (r"/disbursement/v1_0/refund/([^/]+)", "GET", FakeMobileMoney._refund_status),
    (r"/token", "POST", FakeMobileMoney._orange_token),
    (rf"{MP}/init", "POST", FakeMobileMoney._orange_init),
    (rf"{MP}/pay", "POST", FakeMobileMoney._orange_pay),
    (rf"{MP}/paymentstatus/([^/]+)", "GET", FakeMobileMoney._orange_status),
]


def wait_for(condition, seconds=3.0):
    """True once condition() holds (a slow answer finishing in the background)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def _mtn_status_body(payment):
    body = {
        "amount": payment["amount"],
        "currency": payment["currency"],
        "externalId": payment.get("externalId"),
        "payer": payment["payer"],
        "payerMessage": payment.get("payerMessage", ""),
        "payeeNote": payment.get("payeeNote", ""),
        "status": payment["status"],
    }
    if payment.get("financialTransactionId"):
        body["financialTransactionId"] = payment["financialTransactionId"]
    if payment["status"] == "FAILED":
        body["reason"] = payment["reason"]
    return body


def _orange_data(payment):
    return {
        "payToken": payment["payToken"],
        "subscriberMsisdn": payment["subscriberMsisdn"],
        "channelUserMsisdn": payment["channelUserMsisdn"],
        "amount": int(payment["amount"]),  # Orange answers a number here
        "orderId": payment["orderId"],
        "description": payment.get("description", ""),
        "notifUrl": payment["notifUrl"],
        "txnid": payment["txnid"],
        "inittxnstatus": "200",
        "inittxnmessage": "Paiement en attente de confirmation par le client",
        "status": payment["status"],
    }


def _is_uuid(value):
    try:
        return str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


def _is_amount(value):
    return value.isdigit() and int(value) > 0


FakeMobileMoney.ROUTES = ROUTES
