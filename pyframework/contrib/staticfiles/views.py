"""Serving static files from their source directories, for development."""
from __future__ import absolute_import, unicode_literals

import posixpath

from pyframework.conf import settings
from pyframework.contrib.staticfiles import finders
from pyframework.http import Http404
from pyframework.views.static import file_response


def serve(request, path, insecure=False):
    """Serve the static file ``path`` found by the finders.

    Use only in development: production serves STATIC_ROOT from the web server
    or the servlet container. Refuses to work unless DEBUG is True (or
    ``insecure=True``).
    """
    if not settings.DEBUG and not insecure:
        raise Http404("Static files are served by the application only when DEBUG is True.")
    normalized = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    absolute = finders.find(normalized) if normalized not in ("", ".") else None
    if absolute is None:
        raise Http404("Static file %r could not be found." % path)
    return file_response(request, absolute)
