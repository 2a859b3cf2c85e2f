"""Serving files from a folder during development (Django's ``views.static``)::

    path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})

Not for production: the web server or the servlet container serves such files there.
"""
from __future__ import absolute_import, unicode_literals

import mimetypes
import os
import posixpath
from email.utils import formatdate, mktime_tz, parsedate_tz

from pyframework.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified
from pyframework.utils._os import safe_join
from pyframework.utils.html import escape
from pyframework.utils.translation import gettext as _


def serve(request, path, document_root=None, show_indexes=False):
    """The file ``path`` under ``document_root``; a folder gives its listing with
    ``show_indexes`` and 404 otherwise. Paths leaving ``document_root`` are refused."""
    path = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    fullpath = safe_join(document_root, path)
    if os.path.isdir(fullpath):
        if show_indexes:
            return directory_index(path, fullpath)
        raise Http404(_("Directory indexes are not allowed here."))
    if not os.path.exists(fullpath):
        raise Http404(_("\u201c%(path)s\u201d does not exist") % {"path": fullpath})
    return file_response(request, fullpath)


def file_response(request, absolute_path):
    """A FileResponse for ``absolute_path``, or 304 Not Modified when the client's copy is current."""
    try:
        stat = os.stat(absolute_path)
    except (IOError, OSError):
        raise Http404("The file could not be read.")
    if not was_modified_since(request.META.get("HTTP_IF_MODIFIED_SINCE"), stat.st_mtime):
        return HttpResponseNotModified()
    content_type, encoding = mimetypes.guess_type(absolute_path)
    response = FileResponse(open(absolute_path, "rb"), content_type=content_type or "application/octet-stream")
    response["Last-Modified"] = formatdate(stat.st_mtime, usegmt=True)
    if encoding:
        response["Content-Encoding"] = encoding
    if not response.has_header("Content-Length"):
        response["Content-Length"] = str(stat.st_size)
    return response


def directory_index(path, fullpath):
    """A plain HTML listing of the folder ``fullpath`` (sub-folders end with ``/``)."""
    entries = []
    for name in sorted(os.listdir(fullpath)):
        if name.startswith("."):
            continue
        if os.path.isdir(os.path.join(fullpath, name)):
            name += "/"
        entries.append('<li><a href="%s">%s</a></li>' % (escape(name), escape(name)))
    title = escape(_("Index of %(directory)s") % {"directory": path or "/"})
    parent = '<li><a href="../">../</a></li>' if path not in ("", ".") else ""
    return HttpResponse('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>%s</title></head>'
                        "<body><h1>%s</h1><ul>%s%s</ul></body></html>" % (title, title, parent, "".join(entries)))


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
