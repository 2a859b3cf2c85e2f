"""SessionMiddleware: gives each request ``request.session`` and saves it into the response."""
from __future__ import absolute_import, unicode_literals

from importlib import import_module

from pyframework.conf import settings
from pyframework.contrib.sessions.backends.base import UpdateError
from pyframework.contrib.sessions.exceptions import SessionInterrupted
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.utils.cache import patch_vary_headers
from pyframework.utils.deprecation import MiddlewareMixin


def session_store_class():
    """The SessionStore class of the SESSION_ENGINE module."""
    engine = settings.SESSION_ENGINE
    try:
        return import_module(engine).SessionStore
    except (ImportError, AttributeError) as exc:
        raise ImproperlyConfigured(
            "SESSION_ENGINE %r is not a session backend module with a SessionStore class: %s" % (engine, exc))


class SessionMiddleware(MiddlewareMixin):
    """Loads the session named by the session cookie; saves it and sets the cookie when it changed.

    The settings are read once, when the middleware chain is built.
    """

    def __init__(self, get_response):
        super(SessionMiddleware, self).__init__(get_response)
        self.SessionStore = session_store_class()
        self.cookie_name = settings.SESSION_COOKIE_NAME
        self.save_every_request = settings.SESSION_SAVE_EVERY_REQUEST
        self.cookie_options = {
            "domain": settings.SESSION_COOKIE_DOMAIN,
            "path": settings.SESSION_COOKIE_PATH,
            "secure": settings.SESSION_COOKIE_SECURE,
            "httponly": settings.SESSION_COOKIE_HTTPONLY,
            "samesite": settings.SESSION_COOKIE_SAMESITE,
        }

    def process_request(self, request):
        request.session = self.SessionStore(request.COOKIES.get(self.cookie_name))

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if session is None:
            return response  # an earlier middleware answered before process_request ran
        if self.cookie_name in request.COOKIES and session.is_empty():
            # The session was flushed (or never valid): make the browser forget the cookie.
            response.delete_cookie(self.cookie_name, path=self.cookie_options["path"],
                                   domain=self.cookie_options["domain"],
                                   samesite=self.cookie_options["samesite"])
            patch_vary_headers(response, ("Cookie",))
            return response
        if session.accessed:
            patch_vary_headers(response, ("Cookie",))
        if (session.modified or self.save_every_request) and not session.is_empty():
            # A 5xx response may come from a failed request whose session is half-updated: don't store it.
            if response.status_code >= 500:
                return response
            try:
                session.save()
            except UpdateError:
                raise SessionInterrupted(
                    "The session was deleted before the request completed. The user may have "
                    "logged out in a concurrent request, for example.")
            max_age = None if session.get_expire_at_browser_close() else session.get_expiry_age()
            response.set_cookie(self.cookie_name, session.session_key, max_age=max_age, **self.cookie_options)
        return response
