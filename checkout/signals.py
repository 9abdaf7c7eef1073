"""What checkout announces, sent inside the transaction that made the change.
Receivers defer their work with transaction.on_commit; checkout's own jobs listen in
receivers.py, so services never import tasks (tasks call services)."""

from django.dispatch import Signal

# An order was paid and its item delivered: the receipt is due. Sent with order_id.
order_fulfilled = Signal()
# A payment arrived for an item already paid: it is to be given back. Sent with payment_id.
paid_twice = Signal()
# The provider accepted a refund. Sent with order_id and refund_id.
refund_done = Signal()
# A refund waits for staff (no refund API, refused, never settled). Sent with refund_id.
refund_waiting = Signal()
# A student claimed a payment by code (typed the transaction id). Sent with manual_id.
manual_claim_made = Signal()
# Staff rejected a claimed payment by code. Sent with manual_id.
manual_claim_rejected = Signal()
