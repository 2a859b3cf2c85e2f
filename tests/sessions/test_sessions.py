"""Sessions through the test client, for the signed-cookie and the in-process cache backends."""
from __future__ import unicode_literals

import datetime

import pytest

from pyframework.contrib.sessions.backends import base as session_base
from pyframework.contrib.sessions.backends import cache as cache_backend
from pyframework.contrib.sessions.backends.cache import SessionStore as CacheSession
from pyframework.core.cache.backends import base as cache_base, locmem
from pyframework.contrib.sessions.backends.signed_cookies import SessionStore as CookieSession
from pyframework.core import signing
from pyframework.core.exceptions import ImproperlyConfigured
from fake_clock_support import FakeClock
from pyframework.test import Client, override_settings
from pyframework.utils import timezone

SIGNED = "pyframework.contrib.sessions.backends.signed_cookies"
CACHE = "pyframework.contrib.sessions.backends.cache"
SESSION_MIDDLEWARE = ["pyframework.contrib.sessions.middleware.SessionMiddleware"]


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    for module in (signing, session_base, cache_backend, cache_base, locmem):
        monkeypatch.setattr(module, "time", fake)
    return fake


@pytest.fixture(params=[SIGNED, CACHE], ids=["signed_cookies", "cache"])
def engine(request):
    with override_settings(ROOT_URLCONF="session_views_urls", MIDDLEWARE=SESSION_MIDDLEWARE,
                           SESSION_ENGINE=request.param):
        yield request.param


def session_cookie(client):
    morsel = client.cookies.get("sessionid")
    return morsel.value if morsel is not None else None


def test_value_set_in_one_request_is_read_in_the_next(engine):
    client = Client()
    assert client.get("/set/", {"key": "colour", "value": "gr\u00fcn"}).content == b"stored"
    assert session_cookie(client)
    assert client.get("/get/", {"key": "colour"}).content.decode("utf-8") == "gr\u00fcn"
    # Another browser (no cookie) has its own, empty session.
    assert Client().get("/get/", {"key": "colour"}).content == b"<missing>"


def test_no_cookie_without_a_change(engine):
    client = Client()
    response = client.get("/get/", {"key": "x"})
    assert "sessionid" not in response.cookies
    assert response["Vary"] == "Cookie"
    untouched = client.get("/untouched/")
    assert not untouched.has_header("Vary")


def test_cookie_flags_come_from_the_settings(engine):
    with override_settings(SESSION_COOKIE_NAME="sid", SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True,
                           SESSION_COOKIE_SAMESITE="Strict", SESSION_COOKIE_PATH="/app",
                           SESSION_COOKIE_DOMAIN=".example.com", SESSION_COOKIE_AGE=3600):
        response = Client().get("/set/", {"key": "a", "value": "b"})
    morsel = response.cookies["sid"]
    assert morsel["secure"] is True
    assert morsel["httponly"] is True
    assert morsel["samesite"] == "Strict"
    assert morsel["path"] == "/app"
    assert morsel["domain"] == ".example.com"
    assert morsel["max-age"] == 3600


def test_expire_at_browser_close_sends_a_session_cookie(engine):
    with override_settings(SESSION_EXPIRE_AT_BROWSER_CLOSE=True):
        response = Client().get("/set/", {"key": "a", "value": "b"})
    morsel = response.cookies["sessionid"]
    assert morsel["max-age"] == ""
    assert morsel["expires"] == ""


def test_cycle_key_changes_the_key_and_keeps_the_data(engine, clock):
    client = Client()
    client.get("/set/", {"key": "user", "value": "ada"})
    before = session_cookie(client)
    clock.now += 5  # the signed-cookie key embeds the time it was signed
    client.get("/cycle/")
    after = session_cookie(client)
    assert after and after != before
    assert client.get("/get/", {"key": "user"}).content == b"ada"


def test_cycle_key_makes_the_old_cache_key_useless(clock):
    with override_settings(ROOT_URLCONF="session_views_urls", MIDDLEWARE=SESSION_MIDDLEWARE, SESSION_ENGINE=CACHE):
        client = Client()
        client.get("/set/", {"key": "user", "value": "ada"})
        planted = session_cookie(client)
        client.get("/cycle/")
        attacker = Client()
        # Python 2 cookies want native strings, hence str().
        attacker.cookies[str("sessionid")] = str(planted)
        assert attacker.get("/get/", {"key": "user"}).content == b"<missing>"


def test_flush_empties_the_session_and_deletes_the_cookie(engine):
    client = Client()
    client.get("/set/", {"key": "user", "value": "ada"})
    response = client.get("/flush/")
    assert response.cookies["sessionid"]["max-age"] == 0
    assert session_cookie(client) is None
    assert client.get("/get/", {"key": "user"}).content == b"<missing>"


def test_session_expires_after_session_cookie_age(engine, clock):
    client = Client()
    with override_settings(SESSION_COOKIE_AGE=600):
        client.get("/set/", {"key": "user", "value": "ada"})
        clock.now += 599
        assert client.get("/get/", {"key": "user"}).content == b"ada"
        clock.now += 2
        assert client.get("/get/", {"key": "user"}).content == b"<missing>"


def test_set_expiry_in_seconds(engine, clock):
    client = Client()
    response = client.get("/expiry/", {"seconds": "30"})
    assert response.cookies["sessionid"]["max-age"] == 30
    clock.now += 29
    assert client.get("/get/", {"key": "expiring"}).content == b"yes"
    clock.now += 2
    assert client.get("/get/", {"key": "expiring"}).content == b"<missing>"


@pytest.mark.parametrize("tamper", [
    lambda value: value[:-2] + ("xy" if value[-2:] != "xy" else "zz"),
    lambda value: "garbage",
    lambda value: "eyJ1c2VyIjoiYWRtaW4ifQ:1xWYto:forged-signature",
])
def test_tampered_cookie_gives_an_empty_session(tamper):
    with override_settings(ROOT_URLCONF="session_views_urls", MIDDLEWARE=SESSION_MIDDLEWARE, SESSION_ENGINE=SIGNED):
        client = Client()
        client.get("/set/", {"key": "user", "value": "ada"})
        client.cookies[str("sessionid")] = str(tamper(session_cookie(client)))
        response = client.get("/get/", {"key": "user"})
        assert response.status_code == 200
        assert response.content == b"<missing>"
        # The bad cookie is removed from the browser.
        assert response.cookies["sessionid"]["max-age"] == 0


def test_signed_cookie_holds_readable_but_unforgeable_data():
    with override_settings(ROOT_URLCONF="session_views_urls", MIDDLEWARE=SESSION_MIDDLEWARE, SESSION_ENGINE=SIGNED):
        client = Client()
        client.get("/set/", {"key": "role", "value": "reader"})
        value = session_cookie(client)
        assert signing.decode_payload(value.split(":")[0]) == {"role": "reader"}


def test_unknown_cache_key_gives_an_empty_session_and_a_new_key():
    with override_settings(ROOT_URLCONF="session_views_urls", MIDDLEWARE=SESSION_MIDDLEWARE, SESSION_ENGINE=CACHE):
        client = Client()
        client.cookies[str("sessionid")] = str("nosuchsessionkey0000000000000000")
        assert client.get("/get/", {"key": "user"}).content == b"<missing>"
        client.get("/set/", {"key": "user", "value": "ada"})
        assert session_cookie(client) != "nosuchsessionkey0000000000000000"
        client.cookies[str("sessionid")] = str("<script>alert(1)</script>")
        assert client.get("/key/").content == b"<none>"


def test_failed_request_does_not_save_the_session(engine):
    client = Client(raise_request_exception=False)
    response = client.get("/fail/")
    assert response.status_code == 500
    assert "sessionid" not in response.cookies


def test_save_every_request_refreshes_the_cookie(engine):
    client = Client()
    client.get("/set/", {"key": "a", "value": "b"})
    with override_settings(SESSION_SAVE_EVERY_REQUEST=True):
        assert "sessionid" in client.get("/get/", {"key": "a"}).cookies
    assert "sessionid" not in client.get("/get/", {"key": "a"}).cookies


def test_misconfigured_engine_names_the_setting():
    with override_settings(ROOT_URLCONF="session_views_urls", MIDDLEWARE=SESSION_MIDDLEWARE,
                           SESSION_ENGINE="no.such.engine"):
        with pytest.raises(ImproperlyConfigured) as excinfo:
            Client().get("/get/", {"key": "a"})
    assert "SESSION_ENGINE" in str(excinfo.value)


# -- the session object itself -------------------------------------------------

@pytest.mark.parametrize("store_class", [CookieSession, CacheSession])
def test_dict_api_and_modified_flags(store_class):
    session = store_class()
    assert not session.accessed and not session.modified
    assert "a" not in session
    assert session.accessed and not session.modified
    session["a"] = 1
    session.update({"b": 2})
    assert session.modified
    assert sorted(session.keys()) == ["a", "b"]
    assert session.setdefault("a", 5) == 1
    assert session.pop("b") == 2
    assert session.pop("missing", "default") == "default"
    del session["a"]
    assert session.items() == []
    with pytest.raises(KeyError):
        session["a"]


def test_expiry_accessors(clock):
    session = CacheSession()
    with override_settings(SESSION_COOKIE_AGE=1000, SESSION_EXPIRE_AT_BROWSER_CLOSE=False):
        assert session.get_expiry_age() == 1000
        assert not session.get_expire_at_browser_close()
        session.set_expiry(60)
        assert session.get_expiry_age() == 60
        session.set_expiry(0)
        assert session.get_expire_at_browser_close()
        session.set_expiry(datetime.timedelta(seconds=90))
        assert session.get_expiry_age() == 90
        expected = datetime.datetime(2023, 11, 14, 22, 14, 50)  # 1700000000 + 90 s, UTC
        assert session.get_expiry_date().replace(tzinfo=None) == expected
        session.set_expiry(None)
        assert session.get_expiry_age() == 1000
        with pytest.raises(TypeError):
            session.set_expiry("tomorrow")


@pytest.mark.parametrize("use_tz", [True, False])
def test_expiry_dates_follow_use_tz(clock, use_tz):
    session = CacheSession()
    with override_settings(USE_TZ=use_tz, SESSION_COOKIE_AGE=1000):
        for value in (None, 60, datetime.timedelta(seconds=90)):
            session.set_expiry(value)
            moment = session.get_expiry_date()
            assert (moment.tzinfo is not None) is use_tz
        assert session.get_expiry_age() == 90
        expected = datetime.datetime.fromtimestamp(1700000090.0) if not use_tz else datetime.datetime(
            2023, 11, 14, 22, 14, 50, tzinfo=timezone.utc)
        assert session.get_expiry_date() == expected
        # A datetime given in the project's convention comes back equal and gives the right age.
        at = session.get_expiry_date() + datetime.timedelta(seconds=30)
        session.set_expiry(at)
        assert session.get_expiry_date() == at
        assert session.get_expiry_age() == 120
        assert not session.has_expired(dict(session.items()), clock.now)
        clock.now += 121
        assert session.has_expired(dict(session.items()), clock.now - 121)

