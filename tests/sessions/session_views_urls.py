"""Views that read and write request.session, for the session tests."""
from __future__ import unicode_literals

from pyframework.http import HttpResponse, JsonResponse
from pyframework.urls import path


def set_value(request):
    request.session[request.GET["key"]] = request.GET["value"]
    return HttpResponse("stored")


def get_value(request):
    return HttpResponse(request.session.get(request.GET["key"], "<missing>"))


def items(request):
    return JsonResponse(dict(request.session.items()))


def key(request):
    return HttpResponse(request.session.session_key or "<none>")


def cycle(request):
    request.session.cycle_key()
    return HttpResponse("cycled")


def flush(request):
    request.session.flush()
    return HttpResponse("flushed")


def set_expiry(request):
    request.session.set_expiry(int(request.GET["seconds"]))
    request.session["expiring"] = "yes"
    return HttpResponse("expiry set")


def untouched(request):
    return HttpResponse("no session use")


def fail(request):
    request.session["from-failed-request"] = "x"
    return HttpResponse("broken", status=500)


urlpatterns = [
    path("set/", set_value),
    path("get/", get_value),
    path("items/", items),
    path("key/", key),
    path("cycle/", cycle),
    path("flush/", flush),
    path("expiry/", set_expiry),
    path("untouched/", untouched),
    path("fail/", fail),
]
