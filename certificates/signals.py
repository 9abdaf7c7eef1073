"""Events other apps listen to. Sent after the transaction commits."""

from django.dispatch import Signal

# Sent when a person gains a valid certificate (issued) or loses one (revoked), so
# whatever shows "certified" (the directory's search rows) can follow; kwargs: user_id.
validity_changed = Signal()

# Sent once when a certificate is first issued, for the analytics event stream;
# kwargs: user_id, course_id (the default-locale course).
issued = Signal()
