"""A urlconf whose handler500 itself fails: the handler must fall back to a plain 500."""
from __future__ import unicode_literals

from pyframework.urls import path


def crash(request):
    raise ValueError("view failed")


def broken_server_error(request):
    raise RuntimeError("the 500 view failed too")


urlpatterns = [
    path("crash/", crash),
]

handler500 = broken_server_error
