"""Signals about a professional's audience, for whoever counts them (analytics). Sent
after the commit, with ids only (the default-locale ProfessionalPage's)."""

from django.dispatch import Signal

# kwargs: professional_id. Sent by the worker that counts a view (also page-cache hits).
profile_viewed = Signal()
# kwargs: professional_id, user_id (None for a visitor). A tap on "show the number".
contact_revealed = Signal()
