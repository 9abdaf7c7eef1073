"""Payment errors, by who may see them (after django-oscar's payment exceptions)."""


class CheckoutError(Exception):
    """A refused checkout action; `message` is translated and safe to show."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class NotForSale(CheckoutError):
    pass


class InvalidCoupon(CheckoutError):
    pass


class InvalidPhone(CheckoutError):
    pass


class PaymentDeclined(CheckoutError):
    """The provider refused to start the payment; the person may try again.
    `code` is the provider's own failure code, kept on the payment for support."""

    def __init__(self, message, code=""):
        super().__init__(message)
        self.code = code


class ProviderUnavailable(Exception):
    """The provider did not answer usefully (timeout, 5xx): retry later. Not shown as is."""


class InvalidNotification(Exception):
    """A webhook we cannot trust or read (bad signature, malformed body, unknown reference)."""


class RefundError(CheckoutError):
    pass


class RefundRefused(RefundError):
    """The provider will not make this refund (asking again would get the same answer)."""
