"""Views for the login-flow tests: log in/out with the auth API, and guarded pages."""
from __future__ import unicode_literals

from pyframework.contrib.auth import authenticate, login, logout, update_session_auth_hash
from pyframework.contrib.auth.decorators import (
    login_not_required, login_required, permission_required, user_passes_test)
from pyframework.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin, UserPassesTestMixin
from pyframework.http import HttpResponse
from pyframework.middleware.csrf import get_token
from pyframework.urls import path
from pyframework.views import View


@login_not_required
def sign_in(request):
    if request.method == "GET":
        return HttpResponse(get_token(request))
    user = authenticate(request, username=request.POST.get("username"), password=request.POST.get("password"))
    if user is None:
        return HttpResponse("denied", status=401)
    login(request, user)
    return HttpResponse("welcome %s" % user.get_username())


def sign_out(request):
    logout(request)
    return HttpResponse("bye")


def whoami(request):
    user = request.user
    return HttpResponse("anonymous" if user.is_anonymous else user.get_username())


def change_password(request):
    request.user.set_password(request.POST["password"])
    request.user.save()
    if request.POST.get("keep"):
        update_session_auth_hash(request, request.user)
    return HttpResponse("changed")


@login_required
def private(request):
    return HttpResponse("private page of %s" % request.user.get_username())


@login_required(login_url="/elsewhere/login/", redirect_field_name="back")
def private_elsewhere(request):
    return HttpResponse("private")


@permission_required("auth.view_user")
def user_list(request):
    return HttpResponse("users")


@permission_required(["auth.view_user", "auth.delete_user"], raise_exception=True)
def user_purge(request):
    return HttpResponse("purged")


@user_passes_test(lambda user: user.is_staff)
def staff_only(request):
    return HttpResponse("staff")


class PrivateView(LoginRequiredMixin, View):
    def get(self, request):
        return HttpResponse("mixin private")


class UserListView(PermissionRequiredMixin, View):
    permission_required = "auth.view_user"

    def get(self, request):
        return HttpResponse("mixin users")


class StrictUserListView(UserListView):
    raise_exception = True


class StaffView(UserPassesTestMixin, View):
    def test_func(self):
        return self.request.user.is_staff

    def get(self, request):
        return HttpResponse("mixin staff")


urlpatterns = [
    path("login/", sign_in),
    path("logout/", sign_out),
    path("whoami/", whoami),
    path("password/", change_password),
    path("private/", private),
    path("private-elsewhere/", private_elsewhere),
    path("users/", user_list),
    path("users/purge/", user_purge),
    path("staff/", staff_only),
    path("mixin/private/", PrivateView.as_view()),
    path("mixin/users/", UserListView.as_view()),
    path("mixin/users/strict/", StrictUserListView.as_view()),
    path("mixin/staff/", StaffView.as_view()),
]
