"""The one interface every payment backend implements, with typed answers
(after saleor's payment/interface.py)."""

from dataclasses import dataclass, field

from checkout.errors import InvalidNotification, ProviderUnavailable
from core import safe_json
from core.bearer_tokens import BadTokenAnswer, keep_token

# Provider notifications are a few kilobytes; bounded like any JSON we parse.
WEBHOOK_MAX_BYTES = 256 * 1024

PENDING = "pending"
PAID = "paid"
FAILED = "failed"
EXPIRED = "expired"


@dataclass(frozen=True)
class StartResult:
    provider_reference: str
    redirect_url: str = ""  # a page the person must open (card checkout, sandbox phone)
    raw: dict = field(default_factory=dict)


@dataclass(frozen=True)
class StatusResult:
    """What the provider says now. amount_xaf/currency None when it does not say."""

    status: str  # PENDING, PAID, FAILED or EXPIRED
    provider_reference: str
    amount_xaf: int | None = None
    currency: str | None = None
    reason: str = ""
    raw: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Notification:
    """A parsed webhook. `status` None means "something changed: poll to know"."""

    provider_reference: str
    status: str | None = None
    amount_xaf: int | None = None
    currency: str | None = None
    reason: str = ""
    raw: dict = field(default_factory=dict)


# A refund's states at the provider. UNKNOWN: the provider never got it (a request lost
# on the way): it may be sent again under the same reference.
REFUND_DONE = "done"
REFUND_PENDING = "pending"
REFUND_FAILED = "failed"
REFUND_UNKNOWN = "unknown"


@dataclass(frozen=True)
class RefundResult:
    provider_reference: str
    status: str  # REFUND_DONE, REFUND_PENDING, REFUND_FAILED or REFUND_UNKNOWN
    reason: str = ""
    raw: dict = field(default_factory=dict)

    @property
    def done(self):
        return self.status == REFUND_DONE


class Provider:
    """Override the first four. Raise errors.ProviderUnavailable when an answer cannot be
    had, errors.PaymentDeclined when the provider refuses to start, errors.RefundRefused
    when it will not make a refund, errors.InvalidNotification for a webhook we cannot
    trust."""

    name = ""
    # Mobile Money needs a phone number; cards do not.
    needs_phone = True
    # False: the provider has no refund API, every refund is made by hand by staff.
    refunds_by_api = True
    # True: the provider calls its webhook with GET and query parameters (Campay).
    webhook_by_get = False

    def refunds_by_api_for(self, payment):
        """Whether this payment's refunds go through the API (override when it depends
        on the payment, as the sandbox's Orange-like test number does)."""
        return self.refunds_by_api

    def start(self, payment):
        raise NotImplementedError

    def poll(self, payment):
        raise NotImplementedError

    def parse_webhook(self, request):
        raise NotImplementedError

    def refund(self, payment, amount_xaf, *, reference):
        """Ask for a refund under our `reference` (a UUID, the same on every retry: the
        provider must never pay twice for one reference). A RefundResult."""
        raise NotImplementedError

    def refund_status(self, payment, refund):
        """Where a refund asked before stands now. By default the refund is asked again
        under its reference, which idempotent providers answer with the first result;
        override when the provider has a status call."""
        return self.refund(payment, refund.amount_xaf, reference=refund.reference)


def json_object_body(request, provider_label):
    """The notification body as a JSON object, or InvalidNotification."""
    try:
        data = safe_json.loads(request.body or b"{}", max_bytes=WEBHOOK_MAX_BYTES)
    except safe_json.UnsafeJSON as error:
        raise InvalidNotification(f"{provider_label} notification is not JSON") from error
    if not isinstance(data, dict):
        raise InvalidNotification(f"{provider_label} notification is not a JSON object")
    return data


def json_answer(response, *, expected, provider_label):
    """An API answer's JSON object when its status is one of `expected`, else (or when
    the body is not a JSON object) ProviderUnavailable."""
    if response.status_code not in expected:
        raise ProviderUnavailable(
            f"{provider_label} {response.request.method} {response.url}: "
            f"HTTP {response.status_code}"
        )
    try:
        data = response.json()
    except ValueError as error:
        raise ProviderUnavailable(
            f"{provider_label} answered something that is not JSON."
        ) from error
    if not isinstance(data, dict):
        raise ProviderUnavailable(f"{provider_label} answered JSON that is not an object.")
    return data


def cache_access_token(key, answer, provider_label, margin_seconds):
    """Keep an OAuth token answer ({access_token, expires_in}) until shortly before it
    expires; return the token, or ProviderUnavailable when the answer has none."""
    try:
        return keep_token(key, answer, margin_seconds)
    except BadTokenAnswer as error:
        raise ProviderUnavailable(f"{provider_label} token answer has no access_token.") from error
