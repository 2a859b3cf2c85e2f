"""Views for the cache decorator and middleware tests: each counts its calls."""
from __future__ import unicode_literals

from pyframework.http import HttpResponse
from pyframework.urls import path
from pyframework.views.decorators.cache import cache_control, cache_page, never_cache
from pyframework.views.decorators.vary import vary_on_cookie, vary_on_headers

calls = {"count": 0}


def counted(request):
    calls["count"] += 1
    return HttpResponse("call %d" % calls["count"])


@cache_page(60)
def cached(request):
    return counted(request)


@cache_page(60, key_prefix="other")
def cached_other_prefix(request):
    return counted(request)


@cache_page(60)
@vary_on_headers("Accept-Language")
def cached_per_language(request):
    return counted(request)


@vary_on_cookie
def per_cookie(request):
    return counted(request)


@cache_control(max_age=3600, public=True)
def controlled(request):
    return HttpResponse("controlled")


@never_cache
def uncached(request):
    return HttpResponse("never")


def private(request):
    response = counted(request)
    response["Cache-Control"] = "private"
    return response


def sets_cookie(request):
    response = counted(request)
    response.set_cookie("token", "secret")
    response["Vary"] = "Cookie"
    return response


def with_last_modified(request):
    response = HttpResponse("dated")
    response["Last-Modified"] = "Wed, 21 Oct 2015 07:28:00 GMT"
    return response


def session_visits(request):
    request.session["visits"] = request.session.get("visits", 0) + 1
    return HttpResponse("visit %d" % request.session["visits"])


urlpatterns = [
    path("plain/", counted),
    path("cached/", cached),
    path("cached-other/", cached_other_prefix),
    path("per-language/", cached_per_language),
    path("per-cookie/", per_cookie),
    path("controlled/", controlled),
    path("uncached/", uncached),
    path("private/", private),
    path("sets-cookie/", sets_cookie),
    path("dated/", with_last_modified),
    path("session/", session_visits),
]
