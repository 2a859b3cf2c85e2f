"""Views that read and write request.session, for the database session tests."""
from __future__ import unicode_literals

from pyframework.http import HttpResponse
from pyframework.urls import path


def remember(request):
    request.session[request.GET["key"]] = request.GET["value"]
    return HttpResponse("stored")


def recall(request):
    return HttpResponse(request.session.get(request.GET["key"], "<missing>"))


def log_in(request):
    # What auth.login() does to the session: same data, new key.
    request.session.cycle_key()
    request.session["user"] = "alice"
    return HttpResponse(request.session.session_key)


def log_out(request):
    request.session.flush()
    return HttpResponse("flushed")


urlpatterns = [
    path("remember/", remember),
    path("recall/", recall),
    path("login/", log_in),
    path("logout/", log_out),
]
