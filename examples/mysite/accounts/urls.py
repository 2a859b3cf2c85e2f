"""/accounts/: sign-up and "my posts" here; log in, log out and passwords from the auth app."""
from __future__ import unicode_literals

from pyframework.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.SignUpView.as_view(), name="signup"),
    path("my-posts/", views.MyPostsView.as_view(), name="my-posts"),
]
