"""The entry point WSGI servers (and the servlet bridge) load."""
from __future__ import absolute_import, unicode_literals

import pyframework
from pyframework.core.handlers.wsgi import WSGIHandler


def get_wsgi_application():
    """Set up the framework and return the project's WSGI application.

    Settings are loaded, apps populated and middleware instantiated here, once,
    so configuration mistakes surface at start-up rather than on a request.
    """
    pyframework.setup()
    _migrate_if_configured()
    return WSGIHandler()


def _migrate_if_configured():
    """Apply pending migrations first when ``settings.MIGRATE_ON_STARTUP`` is true.

    For a database that lives with the site, such as an embedded H2 file next to
    a WAR's server: nobody can run ``migrate`` against it before deploying. Real
    databases are migrated from a build machine instead, so the default is off.
    """
    from pyframework.conf import settings

    if not getattr(settings, "MIGRATE_ON_STARTUP", False):
        return
    from pyframework.core.management import call_command
    from pyframework.db import connections

    call_command("migrate", verbosity=0)
    # Requests run on other threads: give this thread's connections back now.
    connections.close_all()
