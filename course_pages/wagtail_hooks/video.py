"""Admin hooks: video."""
