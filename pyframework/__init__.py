"""pyframework: a Django-shaped web framework that runs on CPython 3 and on Jython 2.7."""
from __future__ import absolute_import, unicode_literals

from pyframework.utils.compat import JYTHON as _JYTHON

if _JYTHON:  # pragma: no cover - Jython
    # Before anything binds MarkupSafe's escape (Jinja2, pyframework.utils.html): the Java one.
    from pyframework.utils.jvm import install_html_escape

    install_html_escape()

VERSION = (0, 1, 0)
__version__ = "0.1.0"


def get_version():
    return __version__


def setup():
    """Load settings, configure logging and populate the app registry. Call once at start-up."""
    from pyframework.apps import apps
    from pyframework.conf import settings
    from pyframework.utils.log import configure_logging

    if not apps.ready:
        configure_logging(settings.LOGGING, debug=settings.DEBUG)
    apps.populate(settings.INSTALLED_APPS)
