"""A urlconf whose handler404 points at nothing: loading it must fail clearly."""
from __future__ import unicode_literals

from pyframework.urls import path

from urls_views import home

handler404 = "urls_views.no_such_view"

urlpatterns = [path("", home)]
