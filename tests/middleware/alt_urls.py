"""The urlconf UrlconfSwitch picks for some requests."""
from __future__ import unicode_literals

from pyframework.http import HttpResponse
from pyframework.urls import path


def alternative(request):
    return HttpResponse("alternative")


urlpatterns = [
    path("page/", alternative),
]
