"""One appointment as an iCalendar file (core.calendar_files writes it)."""

from core.calendar_files import event

from .calls import join_link

PRODUCT = "-//Beauty Skills Academy//Bookings//FR"


def appointment(*, booking, summary, location, description, cancelled=False):
    """The .ics text of a booking; SEQUENCE and UID let calendars replace or remove it."""
    return event(
        product=PRODUCT,
        uid=booking.reference,
        sequence=booking.sequence,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        summary=summary,
        location=location,
        description=description,
        url=join_link(booking) if booking.is_video_call else "",
        cancelled=cancelled,
    )
