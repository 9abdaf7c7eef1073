"""Mentorship: offering to mentor, asking for a mentor, answering, ending and the mutual
reviews (services in offers, asking, ending; reads in selectors; pages in views)."""
