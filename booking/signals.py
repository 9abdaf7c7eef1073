"""What happened to bookings, for whoever counts them (analytics). Sent after the
commit, with ids only: booking_id, professional_id (default-locale page), client_id."""

from django.dispatch import Signal

# The deposit is paid and the appointment is on.
confirmed = Signal()
# The professional marked the appointment done, or the client did not come.
completed = Signal()
no_show = Signal()
