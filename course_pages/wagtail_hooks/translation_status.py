"""Admin hooks: translation_status."""
