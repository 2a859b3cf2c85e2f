"""Views for the test client tests."""
from __future__ import unicode_literals

import json

from pyframework.http import HttpResponse, HttpResponseRedirect, JsonResponse
from pyframework.urls import path


def set_cookie(request):
    response = HttpResponse("set")
    response.set_cookie("flavour", "oatmeal")
    return response


def delete_cookie(request):
    response = HttpResponse("deleted")
    response.delete_cookie("flavour")
    return response


def show_cookies(request):
    return HttpResponse(";".join("%s=%s" % item for item in sorted(request.COOKIES.items())))


def redirect_once(request):
    return HttpResponseRedirect("/target/?from=once")


def redirect_twice(request):
    return HttpResponseRedirect("/redirect-once/")


def redirect_loop(request):
    return HttpResponseRedirect("/loop/")


def target(request):
    return HttpResponse("target from=%s" % request.GET.get("from", ""))


def upload(request):
    upload = request.FILES["document"]
    return HttpResponse("%s:%s:%s" % (upload.name, request.POST.get("title", ""), upload.read().decode("utf-8")))


def echo_json(request):
    data = json.loads(request.body.decode("utf-8"))
    return JsonResponse({"method": request.method, "received": data})


def echo_query(request):
    return HttpResponse("|".join("%s=%s" % (key, ",".join(request.GET.getlist(key)))
                                 for key in sorted(request.GET.keys())))


def echo_header(request):
    return HttpResponse(request.META.get("HTTP_X_CUSTOM", "none"))


urlpatterns = [
    path("set-cookie/", set_cookie),
    path("delete-cookie/", delete_cookie),
    path("cookies/", show_cookies),
    path("redirect-once/", redirect_once),
    path("redirect-twice/", redirect_twice),
    path("loop/", redirect_loop),
    path("target/", target),
    path("upload/", upload),
    path("json/", echo_json),
    path("query/", echo_query),
    path("header/", echo_header),
]
