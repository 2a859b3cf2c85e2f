from django.contrib import admin
from django.urls import path

from shop import views

urlpatterns = [
    path("hello", views.hello, name="hello"),
    path("page", views.page, name="page"),
    path("form-post", views.form_post, name="form-post"),
    path("admin/", admin.site.urls),
]
