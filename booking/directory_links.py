"""What booking tells the directory: free days for its search, opening hours for its
profiles, that a booking shows the professional's phone number, and who her clients are."""

from directory import extensions

from . import client_history, selectors


def connect():
    extensions.register_availability_filter(selectors.professional_ids_available_on)
    extensions.register_opening_week(selectors.opening_week)
    extensions.register_contact_rule(selectors.has_booking_with)
    extensions.register_client_rule(client_history.is_client)
