"""Messages: added in one request, shown after the redirect, with cookie, session and fallback storage."""
from __future__ import unicode_literals

import os
import re

import pytest

from pyframework.contrib import messages
from pyframework.contrib.messages.storage.base import Message
from pyframework.contrib.messages.storage.cookie import CookieStorage
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.test import Client, RequestFactory, override_settings

HERE = os.path.dirname(os.path.abspath(__file__))
SESSION_MIDDLEWARE = "pyframework.contrib.sessions.middleware.SessionMiddleware"
MESSAGE_MIDDLEWARE = "pyframework.contrib.messages.middleware.MessageMiddleware"
COOKIE = "pyframework.contrib.messages.storage.cookie.CookieStorage"
SESSION = "pyframework.contrib.messages.storage.session.SessionStorage"
FALLBACK = "pyframework.contrib.messages.storage.fallback.FallbackStorage"
TEMPLATES = [{
    "BACKEND": "pyframework.template.backends.jinja2.Jinja2",
    "DIRS": [os.path.join(HERE, "messages_templates")],
    "OPTIONS": {"context_processors": ["pyframework.contrib.messages.context_processors.messages"]},
}]


@pytest.fixture(params=[COOKIE, SESSION, FALLBACK], ids=["cookie", "session", "fallback"])
def storage(request):
    with override_settings(ROOT_URLCONF="messages_views_urls", TEMPLATES=TEMPLATES, MESSAGE_STORAGE=request.param,
                           MIDDLEWARE=[SESSION_MIDDLEWARE, MESSAGE_MIDDLEWARE]):
        yield request.param


def shown(response):
    return re.findall(r'<li class="([^"]*)">(.*?)</li>', response.content.decode("utf-8"))


def test_message_survives_the_redirect_and_is_shown_once(storage):
    client = Client()
    response = client.get("/add/", {"success": "Saved \u2713."}, follow=True)
    assert shown(response) == [("success", "Saved \u2713.")]
    assert "levels available" in response.content.decode("utf-8")
    assert shown(client.get("/show/")) == []


def test_levels_and_tags(storage):
    client = Client()
    response = client.get("/add/?debug=hidden&info=i&warning=w&error=e", follow=True)
    # DEBUG is below the default MESSAGE_LEVEL (INFO).
    assert sorted(shown(response)) == [("error", "e"), ("info", "i"), ("warning", "w")]
    with override_settings(MESSAGE_LEVEL=messages.WARNING, MESSAGE_TAGS={messages.ERROR: "danger"}):
        response = client.get("/add/?info=i&error=e", follow=True)
        assert shown(response) == [("danger", "e")]


def test_set_level_per_request(storage):
    response = Client().get("/add-with-level/", follow=True)
    assert shown(response) == [("debug", "debug shown")]


def test_text_is_escaped_and_markup_kept(storage):
    response = Client().get("/add-markup/", follow=True)
    assert shown(response) == [("info", "<b>bold</b>"), ("sticky warning", "&lt;i&gt;plain&lt;/i&gt;")]


def test_unread_messages_wait_for_a_page_that_reads_them(storage):
    client = Client()
    client.get("/add/", {"info": "kept"})
    assert client.get("/count/").content == b"1"  # len() does not mark them as read
    assert shown(client.get("/show/")) == [("info", "kept")]


def test_fallback_puts_what_does_not_fit_in_the_cookie_into_the_session():
    with override_settings(ROOT_URLCONF="messages_views_urls", TEMPLATES=TEMPLATES, MESSAGE_STORAGE=FALLBACK,
                           MIDDLEWARE=[SESSION_MIDDLEWARE, MESSAGE_MIDDLEWARE]):
        client = Client()
        client.get("/add-many/", {"count": "60"})
        assert len(client.cookies["messages"].value) <= CookieStorage.max_cookie_size
        assert "sessionid" in client.cookies
        texts = [text for _, text in shown(client.get("/show/"))]
    assert len(texts) == 60
    assert texts[0].startswith("message number 0 ") and texts[-1].startswith("message number 59 ")


def test_cookie_storage_drops_the_oldest_when_full():
    with override_settings(ROOT_URLCONF="messages_views_urls", TEMPLATES=TEMPLATES, MESSAGE_STORAGE=COOKIE,
                           MIDDLEWARE=[MESSAGE_MIDDLEWARE]):
        client = Client()
        client.get("/add-many/", {"count": "60"})
        texts = [text for _, text in shown(client.get("/show/"))]
    assert 0 < len(texts) < 60
    assert texts[-1].startswith("message number 59 ")


def test_tampered_message_cookie_is_ignored_and_dropped():
    with override_settings(ROOT_URLCONF="messages_views_urls", TEMPLATES=TEMPLATES, MESSAGE_STORAGE=COOKIE,
                           MIDDLEWARE=[MESSAGE_MIDDLEWARE]):
        client = Client()
        client.get("/add/", {"info": "genuine"})
        value = client.cookies["messages"].value
        # Python 2 cookies want native strings, hence str().
        client.cookies[str("messages")] = str(value[:-3] + "abc")
        response = client.get("/show/")
        assert shown(response) == []
        assert response.cookies["messages"]["max-age"] == 0


def test_session_storage_needs_session_middleware():
    with override_settings(ROOT_URLCONF="messages_views_urls", TEMPLATES=TEMPLATES, MESSAGE_STORAGE=SESSION,
                           MIDDLEWARE=[MESSAGE_MIDDLEWARE]):
        with pytest.raises(ImproperlyConfigured) as excinfo:
            Client().get("/show/")
    assert "SessionMiddleware" in str(excinfo.value)


def test_fallback_works_without_sessions_for_small_messages():
    with override_settings(ROOT_URLCONF="messages_views_urls", TEMPLATES=TEMPLATES, MESSAGE_STORAGE=FALLBACK,
                           MIDDLEWARE=[MESSAGE_MIDDLEWARE]):
        response = Client().get("/add/", {"info": "hello"}, follow=True)
    assert shown(response) == [("info", "hello")]


def test_adding_without_the_middleware_fails_unless_silenced():
    request = RequestFactory().get("/")
    with pytest.raises(messages.MessageFailure) as excinfo:
        messages.info(request, "lost")
    assert "MessageMiddleware" in str(excinfo.value)
    assert messages.info(request, "lost", fail_silently=True) is None
    assert list(messages.get_messages(request)) == []


def test_message_object():
    message = Message(messages.SUCCESS, "Done", extra_tags="a b")
    assert "%s" % message == "Done"
    assert message.level_tag == "success"
    assert message.tags == "a b success"
    assert message == Message(messages.SUCCESS, "Done")
    assert message != Message(messages.ERROR, "Done")
    assert Message(99, "custom").tags == ""
