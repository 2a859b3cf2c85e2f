"""The example project's accounts, posts written and edited by their authors, messages and
security probes, through the test client on every test database."""
from __future__ import unicode_literals

import pytest

from pyframework.test import Client
from mysite_site_support import (PASSWORD, create_user, csrf_token, form_errors, log_in, session_key, set_cookie,
                                 submit, text)

XSS = '<script>alert("x")</script>'


@pytest.fixture
def client(blog):
    return Client()


@pytest.fixture
def ada(blog):
    return create_user("ada", email="ada@example.com")


@pytest.fixture
def ada_client(client, ada):
    assert log_in(client, "ada").status_code == 302
    return client


def sign_up(client, username="grace", password=PASSWORD, password2=None, email="grace@example.com"):
    return submit(client, "/accounts/signup/", username=username, email=email, password1=password,
                  password2=password if password2 is None else password2)


# --- signing up, logging in and out --------------------------------------------

def test_signing_up_creates_the_user_and_signs_them_in(client):
    from pyframework.contrib.auth import get_user_model

    page = text(client.get("/accounts/signup/"))
    for name in ("username", "email", "password1", "password2"):
        assert 'name="%s"' % name in page
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/my-posts/"
    user = get_user_model().objects.get(username="grace")
    assert user.email == "grace@example.com"
    assert user.password != PASSWORD and user.password.startswith("pbkdf2_sha256$")
    assert user.check_password(PASSWORD)

    my_posts = client.get("/accounts/my-posts/")
    assert my_posts.status_code == 200
    assert "Posts by grace" in text(my_posts)
    assert "Welcome, grace!" in text(my_posts)  # the success message, shown once
    assert "Welcome, grace!" not in text(client.get("/accounts/my-posts/"))


@pytest.mark.parametrize("password, password2, field", [
    (PASSWORD, PASSWORD + "x", "password2"),
    ("12345678901", "12345678901", "password2"),   # numeric only
    ("short1", "short1", "password2"),             # too short
])
def test_sign_up_refuses_bad_passwords(client, password, password2, field):
    from pyframework.contrib.auth import get_user_model

    response = sign_up(client, password=password, password2=password2)
    assert response.status_code in (200, 400)
    assert field in form_errors(response)
    assert not get_user_model().objects.filter(username="grace").exists()
    assert session_key(client) is None


def test_a_taken_username_is_refused(client, ada):
    response = sign_up(client, username="ada")
    assert response.status_code in (200, 400)
    assert "username" in form_errors(response)


def test_my_posts_needs_a_login_and_a_login_leads_back(client, ada):
    response = client.get("/accounts/my-posts/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/my-posts/"
    login_page = text(client.get(response["Location"]))
    assert 'name="next" value="/accounts/my-posts/"' in login_page

    logged_in = log_in(client, "ada", next="/accounts/my-posts/")
    assert logged_in.status_code == 302
    assert logged_in["Location"] == "/accounts/my-posts/"
    assert client.get("/accounts/my-posts/").status_code == 200


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/path", "http:///evil.example"])
def test_login_never_redirects_off_site(client, ada, next_url):
    response = log_in(client, "ada", next=next_url)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/my-posts/"  # LOGIN_REDIRECT_URL instead


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(client, ada):
    wrong_password = log_in(client, "ada", password="not-the-password")
    unknown_user = log_in(client, "nobody", password="not-the-password")
    for response in (wrong_password, unknown_user):
        assert response.status_code == 200
        assert "__all__" in form_errors(response)
    assert form_errors(wrong_password) == form_errors(unknown_user)
    assert client.get("/accounts/my-posts/").status_code == 302


def test_logging_out_ends_the_session(ada_client):
    from pyframework.contrib.sessions.models import Session

    key = session_key(ada_client)
    assert Session.objects.filter(session_key=key).exists()
    response = ada_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/blog/"
    assert not Session.objects.filter(session_key=key).exists()
    assert ada_client.get("/accounts/my-posts/").status_code == 302
    assert 'class="login"' in text(ada_client.get("/blog/"))


def test_the_navigation_follows_the_login_state(client, ada):
    anonymous = text(client.get("/blog/"))
    assert 'href="/accounts/login/"' in anonymous and 'href="/accounts/signup/"' in anonymous
    assert 'action="/accounts/logout/"' not in anonymous
    log_in(client, "ada")
    signed_in = text(client.get("/blog/"))
    assert 'action="/accounts/logout/"' in signed_in and 'href="/accounts/login/"' not in signed_in
    assert '<span class="username">ada</span>' in signed_in


# --- security probes -------------------------------------------------------------

def test_the_session_key_changes_at_login(client, ada):
    from pyframework.contrib.sessions.backends.db import SessionStore

    planted = SessionStore()
    planted["planted"] = True
    planted.save()
    set_cookie(client, "sessionid", planted.session_key)
    assert log_in(client, "ada").status_code == 302
    assert session_key(client) not in (None, planted.session_key)
    assert not SessionStore().exists(planted.session_key)
    assert client.get("/accounts/my-posts/").status_code == 200


def test_a_tampered_session_cookie_is_anonymous(ada_client):
    key = session_key(ada_client)
    set_cookie(ada_client, "sessionid", key[:-1] + ("a" if key[-1] != "a" else "b"))
    assert ada_client.get("/accounts/my-posts/").status_code == 302
    set_cookie(ada_client, "sessionid", "forged-session-key-never-issued-by-the-site")
    assert ada_client.get("/accounts/my-posts/").status_code == 302


def test_a_tampered_message_cookie_is_ignored(ada_client):
    set_cookie(ada_client, "messages", "W1siX19qc29uX21lc3NhZ2UiLDAsMjUsIkhhY2tlZCJdXQ:forged:signature")
    page = ada_client.get("/accounts/my-posts/")
    assert page.status_code == 200
    assert "Hacked" not in text(page)


def test_posts_without_the_csrf_token_are_forbidden(blog, ada):
    client = Client(enforce_csrf_checks=True)
    form = client.get("/accounts/login/")
    forged = submit(client, "/accounts/login/", username="ada", password=PASSWORD)
    assert forged.status_code == 403
    assert session_key(client) is None
    wrong = submit(client, "/accounts/login/", username="ada", password=PASSWORD,
                   csrfmiddlewaretoken="x" * 64)
    assert wrong.status_code == 403
    accepted = submit(client, "/accounts/login/", username="ada", password=PASSWORD,
                      csrfmiddlewaretoken=csrf_token(form))
    assert accepted.status_code == 302
    # The token rotates at login: a fresh form carries the new one.
    page = client.get("/blog/new/")
    assert page.status_code == 200
    assert submit(client, "/blog/new/", title="t", body="b").status_code == 403
    assert submit(client, "/blog/new/", title="t", body="b", csrfmiddlewaretoken=csrf_token(page)).status_code == 302


def test_markup_typed_into_forms_is_shown_escaped(ada_client, blog):
    refused = sign_up(Client(), username=XSS)
    assert XSS not in text(refused)
    assert "&lt;script&gt;" in text(refused)

    response = submit(ada_client, "/blog/new/", title=XSS, body=XSS, tags="")
    assert response.status_code == 302
    for path in (response["Location"], "/blog/", "/accounts/my-posts/"):
        page = text(ada_client.get(path))
        assert XSS not in page
        assert "&lt;script&gt;" in page
    invalid = submit(ada_client, "/blog/new/", title=XSS, body="", tags="")
    assert invalid.status_code == 400
    assert XSS not in text(invalid) and "&lt;script&gt;" in text(invalid)


# --- writing and editing posts -----------------------------------------------------

def test_writing_needs_a_login(client, blog):
    response = client.get("/blog/new/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/blog/new/"
    assert submit(client, "/blog/new/", title="t", body="b").status_code == 302
    assert blog.Post.objects.count() == 0


def test_a_signed_in_user_writes_as_themselves(ada_client, blog):
    response = submit(ada_client, "/blog/new/", title="Hello", body="First post", tags="news")
    assert response.status_code == 302
    post = blog.Post.objects.get()
    assert (post.author.name, post.author.email) == ("ada", "ada@example.com")
    page = text(ada_client.get(response["Location"]))
    assert "Published \u201cHello\u201d." in page
    assert 'href="/blog/%d/edit/"' % post.pk in page
    assert "Hello" in text(ada_client.get("/accounts/my-posts/"))


def test_the_author_edits_a_post_and_nobody_else_may(ada_client, blog):
    submit(ada_client, "/blog/new/", title="Draft", body="text", tags="one, two")
    post = blog.Post.objects.get()
    edit_path = "/blog/%d/edit/" % post.pk
    form = text(ada_client.get(edit_path))
    assert 'value="Draft"' in form and 'value="one, two"' in form
    assert "<h1>Edit \u201cDraft\u201d</h1>" in form

    response = submit(ada_client, edit_path, title="Final", body="better text", tags="two, three")
    assert response.status_code == 302
    post = blog.Post.objects.get()
    assert (post.title, post.body) == ("Final", "better text")
    assert sorted(tag.name for tag in post.tags.all()) == ["three", "two"]
    assert "Updated \u201cFinal\u201d." in text(ada_client.get(response["Location"]))

    anonymous = Client()
    assert anonymous.get(edit_path)["Location"] == "/accounts/login/?next=%s" % edit_path
    create_user("mallory")
    other = Client()
    log_in(other, "mallory")
    assert other.get(edit_path).status_code == 403
    assert submit(other, edit_path, title="Defaced", body="x", tags="").status_code == 403
    assert 'href="%s"' % edit_path not in text(other.get("/blog/%d/" % post.pk))
    assert blog.Post.objects.get().title == "Final"
    assert ada_client.get("/blog/987654/edit/").status_code == 404


def test_the_list_is_paginated(client, blog):
    author = blog.Author.objects.create(name="ada")
    for number in range(25):
        blog.Post.objects.create(title="Post %02d" % number, body="b", author=author)
    first = text(client.get("/blog/"))
    assert first.count('class="post"') == 20
    assert "Post 24" in first and "Post 04" not in first
    assert "Page 1 of 2" in first and 'href="?page=2"' in first
    second = text(client.get("/blog/?page=2"))
    assert second.count('class="post"') == 5 and "Post 00" in second
    assert client.get("/blog/?page=3").status_code == 404
    assert client.get("/blog/?page=last").status_code == 200


# --- settings -------------------------------------------------------------------

def test_https_settings_follow_the_environment(mysite_path):
    from mysite.settings import https_settings

    assert https_settings({}) == {}
    assert https_settings({"PYFRAMEWORK_HTTPS": "1", "PYFRAMEWORK_HSTS_SECONDS": "31536000"}) == {
        "SESSION_COOKIE_SECURE": True, "CSRF_COOKIE_SECURE": True, "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000}
    assert https_settings({"PYFRAMEWORK_PROXY_SSL_HEADER": "1"}) == {
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")}
