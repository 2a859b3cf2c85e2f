"""``pyframework.contrib.flatpages``: simple HTML pages (about, legal notice) stored in the database."""
