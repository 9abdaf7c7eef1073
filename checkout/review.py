"""Orders a person at the academy must look at (amount mismatch, paid twice, a refund
the provider refused): flagged with the reason, never silently fixed."""

import logging

logger = logging.getLogger(__name__)


def flag_for_review(order, reason):
    """Add `reason` to the order's review note. The caller holds the order's lock."""
    order.needs_review = True
    order.review_reason = (order.review_reason + "\n" + reason).strip()
    order.save(update_fields=["needs_review", "review_reason"])
    logger.warning("Order %s flagged for review: %s", order.number, reason)
