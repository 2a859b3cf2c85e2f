"""The entry point WSGI servers (and the servlet bridge) load."""
from __future__ import unicode_literals

import pyframework
from pyframework.core.handlers.wsgi import WSGIHandler


def get_wsgi_application():
    """Set up the framework and return the project's WSGI application.

    Settings are loaded, apps populated and middleware instantiated here, once,
    so configuration mistakes surface at start-up rather than on a request.
    """
    pyframework.setup()
    return WSGIHandler()
