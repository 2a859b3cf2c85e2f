"""Class-based views: ``View`` dispatches on the HTTP method; a few small views build on it."""
from __future__ import absolute_import, unicode_literals

import logging

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.http import (
    HttpResponse, HttpResponseGone, HttpResponseNotAllowed, HttpResponsePermanentRedirect, HttpResponseRedirect,
)
from pyframework.template.response import TemplateResponse
from pyframework.urls import reverse

logger = logging.getLogger("pyframework.request")


class View(object):
    """Calls the method named after the request's HTTP method: ``get()``, ``post()``...

    ``as_view(**initkwargs)`` returns the function to put in a urlconf; every
    request gets a fresh instance, so attributes set while handling one request
    never leak into the next.
    """

    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options", "trace"]

    def __init__(self, **kwargs):
        for key, value in kwargs.items():
            setattr(self, key, value)

    @classmethod
    def as_view(cls, **initkwargs):
        for key in initkwargs:
            if key in cls.http_method_names:
                raise ImproperlyConfigured(
                    "%s.as_view(%s=...): '%s' is an HTTP method name; define a method instead."
                    % (cls.__name__, key, key))
            if not hasattr(cls, key):
                raise ImproperlyConfigured(
                    "%s.as_view() got '%s', which is not an attribute of the class; only attributes "
                    "that already exist can be set this way." % (cls.__name__, key))

        def view(request, *args, **kwargs):
            self = cls(**initkwargs)
            self.setup(request, *args, **kwargs)
            return self.dispatch(request, *args, **kwargs)

        view.view_class = cls
        view.view_initkwargs = initkwargs
        view.__doc__ = cls.__doc__
        view.__module__ = cls.__module__
        view.__name__ = str(cls.__name__)
        view.__dict__.update(getattr(cls.dispatch, "__dict__", {}))  # e.g. csrf_exempt set on dispatch
        return view

    def setup(self, request, *args, **kwargs):
        """Store the request and URL arguments; runs before dispatch()."""
        if hasattr(self, "get") and not hasattr(self, "head"):
            self.head = self.get
        self.request = request
        self.args = args
        self.kwargs = kwargs

    def dispatch(self, request, *args, **kwargs):
        method = request.method.lower()
        handler = None
        if method in self.http_method_names:
            handler = getattr(self, method, None)
        if handler is None:
            handler = self.http_method_not_allowed
        return handler(request, *args, **kwargs)

    def http_method_not_allowed(self, request, *args, **kwargs):
        logger.warning("Method Not Allowed (%s): %s", request.method, request.path,
                       extra={"status_code": 405, "request": request})
        return HttpResponseNotAllowed(self._allowed_methods())

    def options(self, request, *args, **kwargs):
        """Answer OPTIONS with the Allow header."""
        response = HttpResponse()
        response["Allow"] = ", ".join(self._allowed_methods())
        response["Content-Length"] = "0"
        return response

    def _allowed_methods(self):
        allowed = [method.upper() for method in self.http_method_names if hasattr(self, method)]
        if "GET" in allowed and "HEAD" not in allowed:
            allowed.insert(allowed.index("GET") + 1, "HEAD")
        return allowed


class ContextMixin(object):
    """Provides ``get_context_data()``: URL kwargs, ``view`` and ``extra_context``."""

    extra_context = None

    def get_context_data(self, **kwargs):
        kwargs.setdefault("view", self)
        if self.extra_context is not None:
            kwargs.update(self.extra_context)
        return kwargs


class TemplateResponseMixin(object):
    """Renders ``template_name`` into a TemplateResponse."""

    template_name = None
    template_engine = None
    response_class = TemplateResponse
    content_type = None

    def render_to_response(self, context, **response_kwargs):
        response_kwargs.setdefault("content_type", self.content_type)
        return self.response_class(
            request=self.request, template=self.get_template_names(), context=context,
            using=self.template_engine, **response_kwargs)

    def get_template_names(self):
        if self.template_name is None:
            raise ImproperlyConfigured(
                "%s needs a template_name attribute or a get_template_names() method." % self.__class__.__name__)
        return [self.template_name]


class TemplateView(TemplateResponseMixin, ContextMixin, View):
    """Render a template, with the URL's keyword arguments in the context."""

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(**kwargs))


class RedirectView(View):
    """Redirect to ``url`` (%-formatted with the URL kwargs) or to the URL of ``pattern_name``.

    Answers 410 Gone when there is nowhere to go.
    """

    permanent = False
    url = None
    pattern_name = None
    query_string = False

    def get_redirect_url(self, *args, **kwargs):
        if self.url:
            url = self.url % kwargs
        elif self.pattern_name:
            url = reverse(self.pattern_name, args=args, kwargs=kwargs)
        else:
            return None
        query = self.request.META.get("QUERY_STRING", "")
        if query and self.query_string:
            url = "%s?%s" % (url, query)
        return url

    def get(self, request, *args, **kwargs):
        url = self.get_redirect_url(*args, **kwargs)
        if url:
            return HttpResponsePermanentRedirect(url) if self.permanent else HttpResponseRedirect(url)
        logger.warning("Gone: %s", request.path, extra={"status_code": 410, "request": request})
        return HttpResponseGone()

    def head(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)

    post = options = delete = put = patch = head

