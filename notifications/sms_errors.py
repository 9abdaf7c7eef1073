"""What can go wrong sending an SMS, as the delivery task needs to know it: try again
later (the provider is down, slow or busy) or never (the number or the request is wrong)."""


class SMSError(Exception):
    """Base of every SMS backend error."""


class RetryableSMSError(SMSError):
    """Timeout, connection error, 5xx or 429: the same SMS may succeed later."""


class PermanentSMSError(SMSError):
    """The provider refused this SMS (4xx, invalid number, blocked recipient): retrying
    sends the same refusal, so the message is marked failed at once."""


class InvalidPhoneNumber(PermanentSMSError):
    """The recipient is not an E.164 number."""


class InvalidDeliveryReport(SMSError):
    """A delivery report we cannot trust (bad signature or token) or cannot read."""

    def __init__(self, message, *, forged=False):
        super().__init__(message)
        self.forged = forged
