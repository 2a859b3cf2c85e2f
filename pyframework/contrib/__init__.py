"""Optional applications shipped with the framework (add them to INSTALLED_APPS)."""
