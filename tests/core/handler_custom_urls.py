"""A urlconf with its own error views (handler404, handler500)."""
from __future__ import unicode_literals

from pyframework.http import Http404, HttpResponse, HttpResponseNotFound
from pyframework.urls import path


def custom_not_found(request, exception):
    return HttpResponseNotFound("custom 404 for %s" % request.path)


def raises(request):
    raise Http404("gone")


urlpatterns = [
    path("gone/", raises),
]

handler404 = "handler_custom_urls.custom_not_found"
