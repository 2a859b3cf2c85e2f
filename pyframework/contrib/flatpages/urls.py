"""``path("pages/", include("pyframework.contrib.flatpages.urls"))``: every flatpage under ``pages/``."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.flatpages import views
from pyframework.contrib.flatpages.models import FLATPAGE_URL_NAME
from pyframework.urls import path

urlpatterns = [
    path("<path:url>", views.flatpage, name=FLATPAGE_URL_NAME),
]
