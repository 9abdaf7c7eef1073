"""Events other apps listen to. Sent after the transaction commits."""

from django.dispatch import Signal

# Sent when a person gains a valid certificate (issued) or loses one (revoked), so
# whatever shows "certified" (the directory's search rows) can follow; kwargs: user_id.
validity_changed = Signal()
