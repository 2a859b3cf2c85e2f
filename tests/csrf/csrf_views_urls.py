"""Views for the CSRF tests: a form page, a target for POSTs, and the per-view decorators."""
from __future__ import unicode_literals

from pyframework.http import HttpResponse, HttpResponseForbidden
from pyframework.middleware.csrf import get_token, rotate_token
from pyframework.shortcuts import render
from pyframework.urls import path
from pyframework.views.decorators.csrf import csrf_exempt, csrf_protect, ensure_csrf_cookie, requires_csrf_token


def form(request):
    return render(request, "csrf_form.html")


def submit(request):
    return HttpResponse("accepted %s" % request.POST.get("text", ""))


@csrf_exempt
def webhook(request):
    return HttpResponse("hook accepted")


@csrf_protect
def protected(request):
    return HttpResponse("protected accepted")


@ensure_csrf_cookie
def ensured(request):
    return HttpResponse("cookie ensured")


@requires_csrf_token
def token_page(request):
    return HttpResponse(get_token(request))


def rotate(request):
    rotate_token(request)
    return HttpResponse("rotated")


def custom_failure(request, reason=""):
    return HttpResponseForbidden("custom failure: %s" % reason)


urlpatterns = [
    path("form/", form),
    path("submit/", submit),
    path("webhook/", webhook),
    path("protected/", protected),
    path("ensured/", ensured),
    path("token/", token_page),
    path("rotate/", rotate),
]
