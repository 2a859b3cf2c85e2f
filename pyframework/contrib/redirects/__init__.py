"""``pyframework.contrib.redirects``: old paths stored in the database, redirected (301) or gone (410)."""
