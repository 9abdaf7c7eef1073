"""Signals about a professional's audience, for whoever counts them (analytics), with
ids only (the default-locale ProfessionalPage's)."""

from django.dispatch import Signal

# kwargs: professional_id. Sent on the request path, also when the page cache answers:
# receivers read nothing from the database (they count: core/counters.py).
profile_viewed = Signal()
# kwargs: professional_id, user_id (None for a visitor). A tap on "show the number",
# sent after the commit.
contact_revealed = Signal()
