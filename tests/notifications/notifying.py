"""What the notifications tests share: a person, a message, and what was sent to her."""

from notifications.kinds import SITE
from notifications.models import Notification, OutboundMessage, PushSubscription
from notifications.services import Message

from ..conftest import make_person


def person(email="awa@example.cm", **fields):
    fields.setdefault("phone", "+237677001122")
    fields.setdefault("first_name", "Awa")
    return make_person(email, **fields)


def a_message(**fields):
    values = {
        "subject": "Paiement reçu",
        "text": "Bonjour Awa,\n\nNous avons reçu votre paiement de 5 000 FCFA.\n",
        "sms": "Beauty Skills Academy : paiement de 5 000 FCFA reçu.",
        "url": "/fr/account/orders/",
    }
    return Message(**{**values, **fields})


def subscribe_a_browser(user, endpoint="https://fcm.googleapis.com/fcm/send/abc123"):
    return PushSubscription.objects.create(
        user=user, endpoint=endpoint, p256dh="BNcR" + "A" * 83, auth="tBHItJI5svbpez7KI4CCXg"
    )


def channels_used(user):
    """The channels a notification reached ``user`` by, as rows show them."""
    used = set(OutboundMessage.objects.values_list("channel", flat=True))
    if Notification.objects.filter(user=user, in_site=True).exists():
        used.add(SITE)
    return used
