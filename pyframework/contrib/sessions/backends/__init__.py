"""Session storage engines; SESSION_ENGINE names one of these modules (its ``SessionStore``)."""
