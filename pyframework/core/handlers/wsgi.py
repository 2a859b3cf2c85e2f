"""WSGIHandler: the PEP 3333 application object of a project."""
from __future__ import absolute_import, unicode_literals

from pyframework.core import signals
from pyframework.core.handlers import base
from pyframework.core.handlers.exception import HANDLED_EXCEPTIONS, response_for_exception
from pyframework.db import connections
from pyframework.http.request import WSGIRequest
from pyframework.urls import set_script_prefix
from pyframework.utils.compat import PY2, native_str


def get_script_name(environ):
    """SCRIPT_NAME as text: where the application is mounted ('' at the root)."""
    script_name = environ.get("SCRIPT_NAME", "")
    if not script_name:
        return ""
    raw = script_name if PY2 else script_name.encode("latin-1")
    return raw.decode("utf-8", "replace")


class EmptyBody(object):
    """The body of a response to HEAD: nothing, but closing it still closes the response."""

    __slots__ = ("close",)

    def __init__(self, response):
        self.close = response.close

    def __iter__(self):
        return iter(())


class StreamedFile(object):
    """A FileResponse's file for ``wsgi.file_wrapper``; closing it closes the response.

    PEP 3333 servers call ``close()`` on what the application returned, and
    the response's close() is what releases resources and sends request_finished.
    """

    def __init__(self, filelike, response):
        self._file = filelike
        self.close = response.close

    def read(self, *args):
        return self._file.read(*args)

    def __getattr__(self, name):
        # Servers may use fileno() for sendfile().
        return getattr(self._file, name)


class WSGIHandler(base.BaseHandler):
    request_class = WSGIRequest

    def __init__(self):
        super(WSGIHandler, self).__init__()
        self.load_middleware()

    def __call__(self, environ, start_response):
        set_script_prefix(get_script_name(environ))
        signals.request_started.send(sender=self.__class__, environ=environ)
        response = self.response_for_environ(environ)
        # response.close() sends request_finished with this sender.
        response._handler_class = self.__class__
        status = "%d %s" % (response.status_code, response.reason_phrase)
        start_response(native_str(status), response.wsgi_headers())
        if environ.get("REQUEST_METHOD") == "HEAD":
            return EmptyBody(response)
        file_to_stream = getattr(response, "file_to_stream", None)
        if file_to_stream is not None:
            file_wrapper = environ.get("wsgi.file_wrapper")
            if file_wrapper is not None:
                return file_wrapper(StreamedFile(file_to_stream, response), response.block_size)
        return response

    def shutdown(self):
        """End of the application (the servlet bridge's ``destroy()``): close every thread's
        database connections and shut embedded databases down, so the WAR can be deployed again."""
        connections.shutdown()

    def response_for_environ(self, environ):
        """The response for one WSGI environ, whatever goes wrong."""
        try:
            request = self.request_class(environ)
            # Parse the query string now, not when a view first reads it: a malformed
            # query (bad %-escape, invalid UTF-8) is a 400 whichever view it reaches.
            # The parsed QueryDict is cached, so the view pays nothing more.
            request.GET
        except HANDLED_EXCEPTIONS as exc:
            # A request we cannot even parse (e.g. a path that is not UTF-8).
            return response_for_exception(None, exc)
        return self.get_response(request)
