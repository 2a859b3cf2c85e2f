"""StaticFilesHandler: a WSGI wrapper serving STATIC_URL during development."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.contrib.staticfiles.utils import static_url_path
from pyframework.contrib.staticfiles.views import serve
from pyframework.core.handlers.exception import HANDLED_EXCEPTIONS, response_for_exception
from pyframework.core.handlers.wsgi import WSGIHandler
from pyframework.utils.compat import native_str


class StaticFilesHandler(WSGIHandler):
    """Serve requests under STATIC_URL from the static finders; pass the rest to ``application``.

    Static responses skip the project's middleware, which is meant for pages.
    """

    def __init__(self, application):
        # No super().__init__: the middleware chain of the wrapped application is not used here.
        self.application = application
        base_path = static_url_path()
        self.base_path = base_path
        self._native_base_path = native_str(base_path.encode("utf-8")) if base_path else None

    def __call__(self, environ, start_response):
        path_info = environ.get("PATH_INFO", "")
        if self._native_base_path is None or not path_info.startswith(self._native_base_path):
            return self.application(environ, start_response)
        return super(StaticFilesHandler, self).__call__(environ, start_response)

    def get_response(self, request):
        try:
            return serve(request, request.path_info[len(self.base_path):], insecure=True)
        except HANDLED_EXCEPTIONS as exc:
            return response_for_exception(request, exc)


def with_static_files(application):
    """``application`` wrapped to serve static files when DEBUG is True, unchanged otherwise."""
    if settings.DEBUG:
        return StaticFilesHandler(application)
    return application
