"""WSGI entry point: ``pfbench.wsgi:application`` for gunicorn and the WAR's servlet bridge."""
from __future__ import unicode_literals

import os

from pyframework.core.wsgi import get_wsgi_application

os.environ.setdefault(str("PYFRAMEWORK_SETTINGS_MODULE"), str("pfbench.settings"))

application = get_wsgi_application()
