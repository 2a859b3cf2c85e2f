"""URLs for the middleware tests."""
from __future__ import unicode_literals

from pyframework.http import HttpResponse
from pyframework.urls import path
from pyframework.views.decorators.clickjacking import (
    xframe_options_deny, xframe_options_exempt, xframe_options_sameorigin,
)


def page(request):
    return HttpResponse("page")


def key_error(request):
    raise KeyError("missing-key")


def value_error(request):
    raise ValueError("not handled")


class LazyRendered(HttpResponse):
    """A response rendered late, like a TemplateResponse."""

    greeting = "hello"

    def render(self):
        self.content = self.greeting
        return self


def deferred(request):
    return LazyRendered()


def framed_page(request):
    response = HttpResponse("framed")
    response["X-Frame-Options"] = "ALLOW-FROM https://example.com"
    return response


urlpatterns = [
    path("page/", page),
    path("short/", page),
    path("key-error/", key_error),
    path("value-error/", value_error),
    path("deferred/", deferred),
    path("slashed/", page),
    path("both", page),
    path("both/", page),
    path("exempt/", xframe_options_exempt(page)),
    path("deny/", xframe_options_deny(page)),
    path("sameorigin/", xframe_options_sameorigin(page)),
    path("framed/", framed_page),
]
