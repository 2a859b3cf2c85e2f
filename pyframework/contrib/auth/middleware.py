"""AuthenticationMiddleware: ``request.user``, looked up only if a view reads it."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.contrib import auth
from pyframework.contrib.auth.redirects import redirect_to_login
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.utils.functional import SimpleLazyObject


def get_user(request):
    if not hasattr(request, "_cached_user"):
        request._cached_user = auth.get_user(request)
    return request._cached_user


class AuthenticationMiddleware(object):
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "session"):
            raise ImproperlyConfigured(
                "The authentication middleware requires session middleware. Put "
                "'pyframework.contrib.sessions.middleware.SessionMiddleware' before "
                "'pyframework.contrib.auth.middleware.AuthenticationMiddleware' in MIDDLEWARE.")
        request.user = SimpleLazyObject(lambda: get_user(request))
        return self.get_response(request)


class LoginRequiredMiddleware(object):
    """Every view needs a logged-in user, except views marked with ``login_not_required``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.user.is_authenticated or not getattr(view_func, "login_required", True):
            return None
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
