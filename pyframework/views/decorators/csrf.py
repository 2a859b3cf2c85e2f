"""View decorators controlling CSRF protection per view."""
from __future__ import absolute_import, unicode_literals

from functools import wraps

from pyframework.middleware.csrf import CsrfViewMiddleware, get_token


def csrf_exempt(view_func):
    """Accept unsafe requests to this view without a CSRF token (webhooks, token-authenticated APIs)."""
    @wraps(view_func)
    def wrapper(*args, **kwargs):
        return view_func(*args, **kwargs)
    wrapper.csrf_exempt = True
    return wrapper


def _with_middleware(middleware_class):
    """A decorator running ``middleware_class``'s hooks around one view, as if it were in MIDDLEWARE."""
    def decorator(view_func):
        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            middleware = middleware_class(view_func)
            middleware.process_request(request)
            response = middleware.process_view(request, view_func, args, kwargs)
            if response is None:
                response = view_func(request, *args, **kwargs)
            render = getattr(response, "render", None)
            if callable(render) and not getattr(response, "is_rendered", True):
                # A TemplateResponse: render now, while the token is known, then add the cookie.
                response = render() or response
            return middleware.process_response(request, response)
        return wrapper
    return decorator


class _TokenRequiredMiddleware(CsrfViewMiddleware):
    """Makes the token available but never rejects: for pages that must render anyway (error pages)."""

    def _reject(self, request, reason):
        return None


class _EnsureCookieMiddleware(CsrfViewMiddleware):
    """Always sends the CSRF cookie, for pages whose JavaScript posts without rendering a token."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        response = super(_EnsureCookieMiddleware, self).process_view(request, callback, callback_args,
                                                                     callback_kwargs)
        get_token(request)
        return response


# Protect one view even when CsrfViewMiddleware is not in MIDDLEWARE.
csrf_protect = _with_middleware(CsrfViewMiddleware)
csrf_protect.__name__ = str("csrf_protect")

requires_csrf_token = _with_middleware(_TokenRequiredMiddleware)
requires_csrf_token.__name__ = str("requires_csrf_token")

ensure_csrf_cookie = _with_middleware(_EnsureCookieMiddleware)
ensure_csrf_cookie.__name__ = str("ensure_csrf_cookie")
