"""A small fake of Stripe's HTTP API, for the Stripe provider's tests: real HTTP on
127.0.0.1, the form-encoded bodies the stripe library sends, Idempotency-Key replays,
switchable faults, every request recorded; plus signed webhook payloads."""

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl

from tests.loopback_server import SLOW_ANSWER_SECONDS, LoopbackServer, QuietHandler

API_KEY = "sk_test_fake_key"
WEBHOOK_SECRET = "whsec_test_fake_secret"

SLOW = "slow"  # answer, but only after slow_seconds (longer than the client's timeout)
SERVER_ERROR = "500"  # answer 500 with Stripe's api_error body, without doing anything
MALFORMED = "malformed"  # answer 200 with a body that is not JSON


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict
    params: dict


class FakeStripe:
    def __init__(self, api_key=API_KEY):
        self.api_key = api_key
        self.sessions = {}
        self.refunds = {}
        # What a new refund is at first; a test may make it "pending" and settle it later.
        self.refund_status = "succeeded"
        self.requests = []
        self.fault = None
        self.slow_seconds = SLOW_ANSWER_SECONDS
        self.next_error = None
        self._replays = {}
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server = LoopbackServer(_Handler, self)

    # --- Running -------------------------------------------------------------------------

    def start(self):
        self._server.start()
        return self

    def stop(self):
        self._release.set()  # wake any slow answer still waiting
        self._server.stop()

    @property
    def url(self):
        return self._server.origin

    # --- Controls ---------------------------------------------------------------------

    def fail_next(self, *, status=400, type="invalid_request_error", code=None, message="x"):
        """The next request gets this Stripe error instead of an answer."""
        self.next_error = (status, {"error": {"type": type, "code": code, "message": message}})

    def mark_paid(self, session_id):
        with self._lock:
            session = self.sessions[session_id]
            session.update(status="complete", payment_status="paid")
            session["payment_intent"] = session["payment_intent"] or _new_id("pi")
            return dict(session)

    def mark_awaiting_payment(self, session_id):
        """Completed with a delayed payment method: not paid yet."""
        with self._lock:
            self.sessions[session_id].update(status="complete", payment_status="unpaid")
            self.sessions[session_id]["payment_intent"] = _new_id("pi")
            return dict(self.sessions[session_id])

    def mark_expired(self, session_id):
        with self._lock:
            self.sessions[session_id].update(status="expired", url=None)
            return dict(self.sessions[session_id])

    def requests_to(self, method, path):
        return [r for r in self.requests if r.method == method and r.path == path]

    # --- Answers ----------------------------------------------------------------------

    def answer(self, method, path, headers, params):
        if headers.get("Authorization") != f"Bearer {self.api_key}":
            return 401, _error("invalid_request_error", "Invalid API Key provided.")
        if self.next_error is not None:
            error, self.next_error = self.next_error, None
            return error
        key = headers.get("Idempotency-Key") if method == "POST" else None
        with self._lock:
            if key and (path, key) in self._replays:
                first_params, answer = self._replays[(path, key)]
                if first_params != params:
                    return 400, _error(
                        "idempotency_error",
                        "Keys for idempotent requests can only be used with the same "
                        "parameters they were first used with.",
                    )
                return answer
            answer = self._route(method, path, params)
            if key and answer[0] < 400:
                self._replays[(path, key)] = (params, answer)
            return answer

    def _route(self, method, path, params):
        if method == "POST" and path == "/v1/checkout/sessions":
            return self._create_session(params)
        match = re.fullmatch(r"/v1/checkout/sessions/([^/]+)", path)
        if method == "GET" and match:
            session = self.sessions.get(match.group(1))
            if session is None:
                return 404, _error(
                    "invalid_request_error", "No such checkout.session", "resource_missing"
                )
            return 200, dict(session)
        if method == "POST" and path == "/v1/refunds":
            return self._create_refund(params)
        match = re.fullmatch(r"/v1/refunds/([^/]+)", path)
        if method == "GET" and match:
            refund = self.refunds.get(match.group(1))
            if refund is None:
                return 404, _error("invalid_request_error", "No such refund", "resource_missing")
            return 200, dict(refund)
        return 404, _error("invalid_request_error", f"Unrecognized request URL ({method} {path})")

    def _create_session(self, params):
        try:
            item = params["line_items"][0]
            price = item["price_data"]
            amount = int(price["unit_amount"]) * int(item["quantity"])
            expires_at = int(params.get("expires_at") or time.time() + 24 * 3600)
            assert params["mode"] == "payment" and params["success_url"] and params["cancel_url"]
        except (KeyError, IndexError, ValueError, AssertionError):
            return 400, _error("invalid_request_error", "Missing or invalid parameters.")
        now = time.time()
        if not now + 30 * 60 <= expires_at <= now + 24 * 3600:
            return 400, _error(
                "invalid_request_error",
                "The `expires_at` timestamp must be between 30 minutes and 24 hours "
                "after the Checkout Session is created.",
                param="expires_at",
            )
        session_id = _new_id("cs_test")
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": params["mode"],
            "status": "open",
            "payment_status": "unpaid",
            "amount_total": amount,
            "currency": price["currency"],
            "client_reference_id": params.get("client_reference_id"),
            "metadata": params.get("metadata", {}),
            "expires_at": expires_at,
            "locale": params.get("locale"),
            "success_url": params["success_url"],
            "cancel_url": params["cancel_url"],
            "payment_intent": None,
            "customer_details": None,
            "livemode": False,
            "created": int(now),
            "url": f"https://checkout.stripe.com/c/pay/{session_id}#fidkdWxOYHwnPyd1blpxYHZxWjA0",
        }
        self.sessions[session_id] = session
        return 200, dict(session)

    def _create_refund(self, params):
        payment_intent = params.get("payment_intent")
        paid = [
            s
            for s in self.sessions.values()
            if s["payment_intent"] == payment_intent and s["payment_status"] == "paid"
        ]
        if not payment_intent or not paid:
            return 400, _error("invalid_request_error", "This PaymentIntent has no charge.")
        session = paid[0]
        refunded = sum(
            r["amount"] for r in self.refunds.values() if r["payment_intent"] == payment_intent
        )
        amount = int(params.get("amount") or session["amount_total"] - refunded)
        if amount + refunded > session["amount_total"]:
            return 400, _error(
                "invalid_request_error",
                f"Refund amount ({amount}) is greater than unrefunded amount on charge.",
                param="amount",
            )
        refund = {
            "id": _new_id("re"),
            "object": "refund",
            "amount": amount,
            "currency": session["currency"],
            "payment_intent": payment_intent,
            "metadata": params.get("metadata", {}),
            "status": self.refund_status,
        }
        self.refunds[refund["id"]] = refund
        return 200, dict(refund)


class _Handler(QuietHandler):
    def do_GET(self):
        self._handle("GET")

    def do_POST(self):
        self._handle("POST")

    def _handle(self, method):
        fake = self.server.fake
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else query
        params = unflatten(parse_qsl(body, keep_blank_values=True))
        fake.requests.append(Recorded(method, path, dict(self.headers), params))
        if fake.fault == SERVER_ERROR:
            status, text = 500, json.dumps(_error("api_error", "Something went wrong."))
        elif fake.fault == MALFORMED:
            status, text = 200, '{"id": "cs_test_broken", "object": '
        else:
            status, payload = fake.answer(method, path, self.headers, params)
            text = json.dumps(payload)
        if fake.fault == SLOW:
            fake._release.wait(fake.slow_seconds)
        self.send_body(
            status, text.encode(), "application/json", headers=[("Request-Id", _new_id("req"))]
        )


def unflatten(pairs):
    """Stripe's form encoding back to JSON-like data: a[b][0][c]=1 → {"a": {"b": [{"c": "1"}]}}."""
    root = {}
    for key, value in pairs:
        parts = re.findall(r"[^\[\]]+", key)
        node = root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    return _lists(root)


def _lists(node):
    if not isinstance(node, dict):
        return node
    if node and all(key.isdigit() for key in node):
        return [_lists(node[key]) for key in sorted(node, key=int)]
    return {key: _lists(value) for key, value in node.items()}


def _error(type, message, code=None, param=None):
    return {"error": {"type": type, "message": message, "code": code, "param": param}}


def _new_id(prefix):
    return f"{prefix}_{secrets.token_hex(12)}"


# --- Webhooks ---------------------------------------------------------------------------


def signature_header(payload, *, secret=WEBHOOK_SECRET, timestamp=None):
    """Stripe's scheme: t=<unix time>,v1=<HMAC-SHA256 of "<t>.<payload>" with the secret>."""
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    signed = f"{timestamp}.{payload.decode() if isinstance(payload, bytes) else payload}"
    digest = hmac.new(secret.encode(), signed.encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def event_body(event_type, obj):
    """A webhook body as Stripe sends it: an Event wrapping the object's new state."""
    return json.dumps(
        {
            "id": _new_id("evt"),
            "object": "event",
            "type": event_type,
            "api_version": "2025-01-01",
            "created": int(time.time()),
            "livemode": False,
            "pending_webhooks": 1,
            "data": {"object": obj},
        }
    ).encode()


def signed_webhook(event_type, obj, *, secret=WEBHOOK_SECRET, timestamp=None):
    """(body, Stripe-Signature header) for an event about obj."""
    body = event_body(event_type, obj)
    return body, signature_header(body, secret=secret, timestamp=timestamp)
