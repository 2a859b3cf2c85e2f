from __future__ import unicode_literals

from pyframework.urls import path
from pyframework.views.generic import RedirectView

from demo import rendezvous, views

app_name = "demo"

urlpatterns = [
    path("", views.home, name="home"),
    path("hello/<str:name>/", views.hello, name="hello"),
    path("echo/", views.echo, name="echo"),
    path("upload/", views.upload, name="upload"),
    path("old-home/", RedirectView.as_view(pattern_name="demo:home", permanent=False), name="old-home"),
    path("rendezvous/<slug:key>/", rendezvous.rendezvous, name="rendezvous"),
    path("api/info/", views.api_info, name="api-info"),
]
