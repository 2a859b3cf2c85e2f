"""Serving static files from their source directories, for development."""
from __future__ import absolute_import, unicode_literals

import mimetypes
import os
import posixpath
from email.utils import formatdate, mktime_tz, parsedate_tz

from pyframework.conf import settings
from pyframework.contrib.staticfiles import finders
from pyframework.http import FileResponse, Http404, HttpResponseNotModified


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


def file_response(request, absolute_path):
    """A FileResponse for ``absolute_path``, or 304 Not Modified when the client's copy is current."""
    try:
        stat = os.stat(absolute_path)
    except (IOError, OSError):
        raise Http404("Static file could not be read.")
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), stat.st_mtime):
        return HttpResponseNotModified()
    content_type = mimetypes.guess_type(absolute_path)[0] or "application/octet-stream"
    response = FileResponse(open(absolute_path, "rb"), content_type=content_type)
    response["Last-Modified"] = formatdate(stat.st_mtime, usegmt=True)
    if not response.has_header("Content-Length"):
        response["Content-Length"] = str(stat.st_size)
    return response


def was_modified_since(header, mtime):
    """False only if the If-Modified-Since ``header`` is a valid date not older than ``mtime``."""
    if not header:
        return True
    try:
        parsed = parsedate_tz(header)
        if parsed is None:
            return True
        return int(mtime) > mktime_tz(parsed)
    except (ValueError, TypeError, OverflowError):
        return True
