"""The one interface every payment backend implements, with typed answers
(after saleor's payment/interface.py)."""

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class RefundResult:
    provider_reference: str
    done: bool
    raw: dict = field(default_factory=dict)


class Provider:
    """Override all four. Raise errors.ProviderUnavailable when an answer cannot be had,
    errors.PaymentDeclined when the provider refuses to start, errors.InvalidNotification
    for a webhook we cannot trust."""

    name = ""
    # Mobile Money needs a phone number; cards do not.
    needs_phone = True

    def start(self, payment):
        raise NotImplementedError

    def poll(self, payment):
        raise NotImplementedError

    def parse_webhook(self, request):
        raise NotImplementedError

    def refund(self, payment, amount_xaf):
        raise NotImplementedError
