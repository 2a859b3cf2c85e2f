"""``pyframework.contrib.syndication``: RSS and Atom feeds from ``Feed`` classes (see ``views.Feed``)."""
