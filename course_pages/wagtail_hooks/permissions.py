"""Admin hooks: permissions."""
