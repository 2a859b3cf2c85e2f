"""Middlewares that record what they see, for the middleware chain tests."""
from __future__ import unicode_literals

from pyframework.core.exceptions import MiddlewareNotUsed
from pyframework.http import HttpResponse
from pyframework.utils.deprecation import MiddlewareMixin

calls = []
factory_calls = []


def _recording(name):
    def factory(get_response):
        factory_calls.append(name)

        def middleware(request):
            calls.append("%s:request" % name)
            response = get_response(request)
            calls.append("%s:response" % name)
            response["X-Seen-By-" + name] = "yes"
            return response
        return middleware
    return factory


outer = _recording("outer")
inner = _recording("inner")


def unused(get_response):
    raise MiddlewareNotUsed("switched off")


class ViewShortCircuit(MiddlewareMixin):
    """process_view answers /short/ itself; the view is never called."""

    def process_view(self, request, view, args, kwargs):
        calls.append("process_view:%s" % view.__name__)
        if request.path == "/short/":
            return HttpResponse("short-circuited")
        return None


class ExceptionToResponse(MiddlewareMixin):
    def process_exception(self, request, exception):
        calls.append("process_exception:%s" % type(exception).__name__)
        if isinstance(exception, KeyError):
            return HttpResponse("handled %s" % exception.args[0], status=409)
        return None


class TemplateResponseHook(MiddlewareMixin):
    def process_template_response(self, request, response):
        calls.append("process_template_response")
        response.greeting = "hello from middleware"
        return response


class OldStyle(MiddlewareMixin):
    def process_request(self, request):
        calls.append("old:request")
        if request.path == "/early/":
            return HttpResponse("answered early")
        return None

    def process_response(self, request, response):
        calls.append("old:response")
        return response


class UrlconfSwitch(MiddlewareMixin):
    """Requests carrying X-Alt-Urls are resolved with another urlconf."""

    def process_request(self, request):
        if "HTTP_X_ALT_URLS" in request.META:
            request.urlconf = "alt_urls"


NOT_A_MIDDLEWARE = "just a string"
