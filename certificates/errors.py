"""Errors a person may be shown (already translated)."""


class CertificateError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message
