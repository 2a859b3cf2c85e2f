"""Urlconf for the tests of the url() template function; 'shop' is deployed twice."""
from __future__ import unicode_literals

from pyframework.urls import include, path


def home(request):
    return None


shop_patterns = ([path("", home, name="index")], "shop")

urlpatterns = [
    path("", home, name="tmpl-home"),
    path("items/<int:pk>/", home, name="tmpl-item"),
    path("shop/", include(shop_patterns)),
    path("outlet/", include(shop_patterns, namespace="outlet")),
]
