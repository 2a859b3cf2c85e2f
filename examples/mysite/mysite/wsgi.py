"""WSGI entry point: ``mysite.wsgi:application`` for runserver, WSGI servers and the WAR's servlet bridge."""
from __future__ import unicode_literals

import os

from pyframework.core.wsgi import get_wsgi_application

os.environ.setdefault(str("PYFRAMEWORK_SETTINGS_MODULE"), str("mysite.settings"))

application = get_wsgi_application()
