"""AuthenticationMiddleware (lazy request.user), the auth context processor, checks and redirects."""
from __future__ import unicode_literals

import pytest

from pyframework.contrib.auth import context_processors
from pyframework.contrib.auth.checks import check_password_hashers, check_user_model
from pyframework.contrib.auth.middleware import AuthenticationMiddleware
from pyframework.contrib.auth.models import AnonymousUser
from pyframework.contrib.auth.redirects import redirect_to_login
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.test import RequestFactory, override_settings


class FakeUser(object):
    is_active = True

    def __init__(self, perms):
        self.perms = perms

    def has_perm(self, perm, obj=None):
        return perm in self.perms

    def has_module_perms(self, app_label):
        return any(perm.startswith(app_label + ".") for perm in self.perms)


def test_middleware_requires_sessions():
    middleware = AuthenticationMiddleware(lambda request: "response")
    with pytest.raises(ImproperlyConfigured) as info:
        middleware(RequestFactory().get("/"))
    assert "SessionMiddleware" in str(info.value)


def test_request_user_is_looked_up_lazily_once(monkeypatch):
    from pyframework.contrib import auth

    lookups = []
    monkeypatch.setattr(auth, "get_user", lambda request: lookups.append(1) or AnonymousUser())
    request = RequestFactory().get("/")
    request.session = {}
    assert AuthenticationMiddleware(lambda r: "ok")(request) == "ok"
    assert lookups == []
    assert request.user.is_anonymous and not request.user.is_authenticated
    assert request.user.is_anonymous
    assert lookups == [1]


def test_anonymous_when_the_session_is_empty():
    from pyframework.contrib.auth import get_user

    request = RequestFactory().get("/")
    request.session = {}
    assert isinstance(get_user(request), AnonymousUser)
    request.session = {"_auth_user_id": "not-a-number", "_auth_user_backend": "x"}
    assert isinstance(get_user(request), AnonymousUser)


def test_context_processor_perms():
    request = RequestFactory().get("/")
    request.user = FakeUser(set(["blog.add_post"]))
    context = context_processors.auth(request)
    perms = context["perms"]
    assert context["user"] is request.user
    assert perms.blog.add_post and not perms.blog.delete_post
    assert perms["blog"]["add_post"]
    assert bool(perms.blog) and not bool(perms.shop)
    assert "blog.add_post" in perms and "blog.delete_post" not in perms
    assert "blog" in perms and "shop" not in perms
    with pytest.raises(TypeError):
        iter(perms)


def test_context_processor_without_middleware():
    context = context_processors.auth(RequestFactory().get("/"))
    assert isinstance(context["user"], AnonymousUser)


def test_redirect_to_login_keeps_the_login_query():
    response = redirect_to_login("/a b/?x=1", "/accounts/login/?lang=fr")
    assert response.status_code == 302
    path, _, query = response["Location"].partition("?")
    assert path == "/accounts/login/"
    assert sorted(query.split("&")) == ["lang=fr", "next=/a%20b/%3Fx%3D1"]
    assert redirect_to_login("/p/", "/in/", None)["Location"] == "/in/"


def test_checks():
    assert check_user_model() == []
    assert check_password_hashers() == []
    with override_settings(AUTH_USER_MODEL="auth.Nobody"):
        assert [error.id for error in check_user_model()] == ["auth.E010"]
    with override_settings(PASSWORD_HASHERS=["nowhere.Hasher"]):
        assert [error.id for error in check_password_hashers()] == ["auth.E020"]
