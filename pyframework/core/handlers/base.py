"""BaseHandler: builds the middleware chain once and turns a request into a response."""
from __future__ import absolute_import, unicode_literals

import importlib
import logging

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured, MiddlewareNotUsed
from pyframework.core.handlers.exception import HANDLED_EXCEPTIONS, convert_exception_to_response
from pyframework.db import connections, transaction
from pyframework.urls import get_resolver, set_urlconf

request_logger = logging.getLogger("pyframework.request")


def import_string(dotted_path, setting_name):
    """Import ``package.module.attr``; errors name the setting entry to fix."""
    module_path, _, attr = dotted_path.rpartition(".")
    if not module_path:
        raise ImproperlyConfigured("%s entry %r is not a dotted path like 'package.module.Name'."
                                   % (setting_name, dotted_path))
    try:
        module = importlib.import_module(module_path)
    except ImportError as exc:
        raise ImproperlyConfigured("%s entry %r cannot be imported: %s" % (setting_name, dotted_path, exc))
    try:
        return getattr(module, attr)
    except AttributeError:
        raise ImproperlyConfigured("%s entry %r: module %r has no attribute %r."
                                   % (setting_name, dotted_path, module_path, attr))


def validate_host(get_response):
    """The outermost layer: every request's Host is checked against ALLOWED_HOSTS first.

    ``request.get_host()`` raises DisallowedHost (a 400) for a host that is not allowed, an empty
    Host or one that is not a valid domain, before any middleware or view runs, so a page that
    never builds an absolute URL is covered too (Django gets the same from CommonMiddleware; here
    it does not depend on the MIDDLEWARE setting). That closes DNS rebinding against internal
    sites. The exemptions are Django's: ``'*'``, ``.example.com`` patterns, and with DEBUG on
    and ALLOWED_HOSTS empty, ``localhost``, ``127.0.0.1`` and ``[::1]``.
    """
    def checked(request):
        request.get_host()
        return get_response(request)
    checked.wrapped = get_response
    return checked


class BaseHandler(object):
    """Runs the MIDDLEWARE chain around URL resolution and the view."""

    _middleware_chain = None

    def load_middleware(self):
        """Instantiate every MIDDLEWARE entry, innermost first, and wire the chain."""
        view_hooks = []
        template_response_hooks = []
        exception_hooks = []
        handler = convert_exception_to_response(self._get_response)
        for path in reversed(list(settings.MIDDLEWARE)):
            factory = import_string(path, "MIDDLEWARE")
            if not callable(factory):
                raise ImproperlyConfigured("MIDDLEWARE entry %r is not a class or factory function." % path)
            try:
                middleware = factory(handler)
            except MiddlewareNotUsed as exc:
                if settings.DEBUG and exc.args:
                    request_logger.debug("MiddlewareNotUsed(%r): %s", path, exc)
                continue
            if middleware is None:
                raise ImproperlyConfigured("MIDDLEWARE entry %r returned None instead of a middleware." % path)
            # process_view runs outermost first; the response hooks run innermost first.
            if hasattr(middleware, "process_view"):
                view_hooks.insert(0, middleware.process_view)
            if hasattr(middleware, "process_template_response"):
                template_response_hooks.append(middleware.process_template_response)
            if hasattr(middleware, "process_exception"):
                exception_hooks.append(middleware.process_exception)
            handler = convert_exception_to_response(middleware)
        self._view_middleware = tuple(view_hooks)
        self._template_response_middleware = tuple(template_response_hooks)
        self._exception_middleware = tuple(exception_hooks)
        self._middleware_chain = convert_exception_to_response(validate_host(handler))

    def get_response(self, request):
        """Return the response for ``request`` (never raises for a view error)."""
        response = self._middleware_chain(request)
        # Uploaded files are deleted when the response is closed, once the body is sent.
        response._resource_closers.append(request.close)
        if getattr(request, "urlconf", None) is not None:
            set_urlconf(None)  # the per-request urlconf must not leak into the next request of this thread
        if response.status_code >= 400 and not getattr(response, "_has_been_logged", False):
            log = request_logger.error if response.status_code >= 500 else request_logger.warning
            log("%s: %s", response.reason_phrase, request.path,
                extra={"status_code": response.status_code, "request": request})
        return response

    def resolve_request(self, request):
        """Resolve the URL; ``request.urlconf`` (set by a middleware) overrides ROOT_URLCONF."""
        urlconf = getattr(request, "urlconf", None)
        if urlconf is not None:
            set_urlconf(urlconf)
        else:
            urlconf = settings.ROOT_URLCONF
            if not urlconf:
                raise ImproperlyConfigured("The ROOT_URLCONF setting is empty: set it to your urls module.")
        match = get_resolver(urlconf).resolve(request.path_info)
        request.resolver_match = match
        return match

    def _get_response(self, request):
        """The innermost layer: resolve, run view middleware, call the view."""
        match = self.resolve_request(request)
        view, args, kwargs = match.func, match.args, match.kwargs
        view = self.make_view_atomic(view)
        response = None
        for hook in self._view_middleware:
            response = hook(request, view, args, kwargs)
            if response is not None:
                break
        if response is None:
            try:
                response = view(request, *args, **kwargs)
            except HANDLED_EXCEPTIONS as exc:
                response = self._exception_hooks_response(exc, request)
                if response is None:
                    raise
        self._check_response(response, view)
        if callable(getattr(response, "render", None)):
            for hook in self._template_response_middleware:
                response = hook(request, response)
                self._check_response(response, hook, "%s.process_template_response()")
            try:
                response = response.render()
            except HANDLED_EXCEPTIONS as exc:
                response = self._exception_hooks_response(exc, request)
                if response is None:
                    raise
        return response

    @staticmethod
    def make_view_atomic(view):
        """Wrap ``view`` in a transaction for each database with ATOMIC_REQUESTS (unless opted out)."""
        aliases = connections.atomic_request_aliases()
        if not aliases:
            return view
        opted_out = getattr(view, "_non_atomic_requests", ())
        for alias in aliases:
            if alias not in opted_out:
                view = transaction.atomic(using=alias)(view)
        return view

    def _exception_hooks_response(self, exc, request):
        for hook in self._exception_middleware:
            response = hook(request, exc)
            if response is not None:
                return response
        return None

    @staticmethod
    def _check_response(response, callback, description="The view %s"):
        if response is not None:
            return
        owner = getattr(callback, "__self__", None)
        if owner is not None and description != "The view %s":
            name = owner.__class__.__name__
        else:
            name = "%s.%s" % (getattr(callback, "__module__", "?"),
                              getattr(callback, "__name__", callback.__class__.__name__))
        raise ValueError((description % name) + " didn't return an HttpResponse object. It returned None instead.")
