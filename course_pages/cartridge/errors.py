"""The one error an upload or an export may show to the person: its message is translated."""


class CartridgeError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message
