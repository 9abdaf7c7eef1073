"""What booking tells the directory: free days for its search, opening hours for its
profiles, and that a booking shows the professional's phone number."""

from directory import extensions

from . import selectors


def connect():
    extensions.register_availability_filter(selectors.professional_ids_available_on)
    extensions.register_opening_week(selectors.opening_week)
    extensions.register_contact_rule(selectors.has_booking_with)
