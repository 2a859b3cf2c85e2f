"""URLs served by the development server in the server tests."""
from __future__ import unicode_literals

from pyframework.http import HttpResponse
from pyframework.urls import path


def index(request):
    return HttpResponse("ok %s" % request.GET.get("q", ""), content_type="text/plain")


def echo(request):
    return HttpResponse("got %s" % request.POST.get("message", ""), content_type="text/plain")


def forwarded(request):
    return HttpResponse(request.META.get("HTTP_X_FORWARDED_FOR", "-"), content_type="text/plain")


def upload(request):
    """The uploaded file's bytes, then the other fields: what the multipart test checks."""
    uploaded = request.FILES["document"]
    return HttpResponse(uploaded.read() + ("|%s|%s" % (uploaded.name, request.POST.get("title", ""))).encode("utf-8"),
                        content_type="application/octet-stream")


urlpatterns = [
    path("", index),
    path("echo/", echo),
    path("forwarded/", forwarded),
    path("upload/", upload),
]
