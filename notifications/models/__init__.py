"""The notifications app's records: what goes out (OutboundMessage), the in-site centre
and each person's choices (Notification, preferences), web-push subscriptions."""

from .centre import Notification, NotificationPreference, NotificationSettings
from .outbound import OutboundMessage
from .push import PushSubscription

__all__ = [
    "Notification",
    "NotificationPreference",
    "NotificationSettings",
    "OutboundMessage",
    "PushSubscription",
]
