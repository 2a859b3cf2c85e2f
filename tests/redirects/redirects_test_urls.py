"""URLs of the redirects tests: one real page; everything else is a 404 for the middleware."""
from __future__ import unicode_literals

from pyframework.http import HttpResponse
from pyframework.urls import path


def page(request):
    return HttpResponse("a real page")


urlpatterns = [path("real/", page)]
