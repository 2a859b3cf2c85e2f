"""``pyframework.contrib.sites``: the ``Site`` rows (domain + name) a project serves, as in Django."""
