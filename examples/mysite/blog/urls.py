from __future__ import unicode_literals

from pyframework.urls import path

from blog import views

app_name = "blog"

urlpatterns = [
    path("", views.post_list, name="list"),
    path("new/", views.post_create, name="create"),
    path("<int:pk>/", views.post_detail, name="detail"),
]
