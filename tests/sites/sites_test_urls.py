"""URLs of the sites tests: the auth views and a page that shows ``request.site``."""
from __future__ import unicode_literals

from pyframework.http import HttpResponse
from pyframework.urls import include, path


def show_site(request):
    return HttpResponse("%s|%s" % (request.site.domain, request.site.name))


urlpatterns = [
    path("accounts/", include("pyframework.contrib.auth.urls")),
    path("site/", show_site),
]
