"""The auth app's URLs, plus pages that need a login, for the auth view tests."""
from __future__ import unicode_literals

from pyframework.contrib.auth.decorators import login_required
from pyframework.http import HttpResponse
from pyframework.urls import include, path


@login_required
def private(request):
    return HttpResponse("private page of %s" % request.user.get_username())


def profile(request):
    return HttpResponse("profile")


urlpatterns = [
    path("accounts/", include("pyframework.contrib.auth.urls")),
    path("accounts/profile/", profile),
    path("private/", private),
]
