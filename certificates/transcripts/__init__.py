"""Transcripts: every certificate and badge of a person, on a page, a PDF and a signed bundle."""
