from __future__ import unicode_literals

from pyframework.contrib import admin
from pyframework.urls import path

from catalog import views

urlpatterns = [
    path("hello", views.hello, name="hello"),
    path("page", views.page, name="page"),
    path("form-post", views.form_post, name="form-post"),
    path("admin/", admin.site.urls),
]
