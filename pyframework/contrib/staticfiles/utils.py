"""Small helpers shared by the static files finders, view and handler."""
from __future__ import absolute_import, unicode_literals

import os

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured, SuspiciousFileOperation
from pyframework.utils.compat import urlsplit


def safe_join(root, relative_path):
    """``root`` joined with ``relative_path``, refusing results outside ``root``.

    Raises SuspiciousFileOperation for ``..`` tricks, absolute paths and NUL bytes.
    """
    if "\x00" in relative_path:
        raise SuspiciousFileOperation("The path %r contains a NUL byte." % relative_path)
    root = os.path.abspath(root)
    joined = os.path.abspath(os.path.join(root, relative_path))
    if joined != root and not joined.startswith(root.rstrip(os.sep) + os.sep):
        raise SuspiciousFileOperation("The path %r is outside %r." % (relative_path, root))
    return joined


def static_url_path():
    """The path part of STATIC_URL ('/static/'); None when STATIC_URL points at another host."""
    static_url = settings.STATIC_URL
    if not static_url:
        raise ImproperlyConfigured("The STATIC_URL setting is empty: set it (e.g. '/static/') to serve static files.")
    if not static_url.endswith("/"):
        raise ImproperlyConfigured("The STATIC_URL setting must end with a slash (it is %r)." % static_url)
    if settings.MEDIA_URL and settings.MEDIA_URL == static_url:
        raise ImproperlyConfigured("The MEDIA_URL and STATIC_URL settings must differ (both are %r)." % static_url)
    parts = urlsplit(static_url)
    if parts.netloc:
        return None
    return parts.path if parts.path.startswith("/") else "/" + parts.path
