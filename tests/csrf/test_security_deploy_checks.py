"""``check --deploy``: warnings about settings that are unsafe in production."""
from __future__ import unicode_literals

from pyframework.core.checks import run_checks
from pyframework.test import override_settings

SECURE_MIDDLEWARE = [
    "pyframework.middleware.security.SecurityMiddleware",
    "pyframework.contrib.sessions.middleware.SessionMiddleware",
    "pyframework.middleware.csrf.CsrfViewMiddleware",
    "pyframework.contrib.messages.middleware.MessageMiddleware",
    "pyframework.middleware.clickjacking.XFrameOptionsMiddleware",
]
SECURE_SETTINGS = dict(
    DEBUG=False,
    SECRET_KEY="x7#Kq9!mZp2@Lw4$Rt6^Yv8&Nb1*Hc3(Jd5)Fg0-Se_Ua+Ti=Oo[Pe]Qr{Ws}Xy",
    ALLOWED_HOSTS=["www.example.com"],
    MIDDLEWARE=SECURE_MIDDLEWARE,
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    CSRF_COOKIE_SECURE=True,
    SECURE_HSTS_SECONDS=31536000,
    SECURE_SSL_REDIRECT=True,
    X_FRAME_OPTIONS="DENY",
)


def deploy_ids(**changes):
    options = dict(SECURE_SETTINGS)
    options.update(changes)
    with override_settings(**options):
        return sorted(message.id for message in run_checks(tags=["security"], include_deployment_checks=True))


def test_secure_settings_raise_nothing():
    assert deploy_ids() == []


def test_deploy_checks_run_only_with_deploy():
    with override_settings(**dict(SECURE_SETTINGS, SESSION_COOKIE_SECURE=False)):
        assert [m.id for m in run_checks(tags=["security"])] == []


def test_insecure_cookies():
    assert deploy_ids(SESSION_COOKIE_SECURE=False) == ["security.W010"]
    assert deploy_ids(SESSION_COOKIE_HTTPONLY=False) == ["security.W013"]
    assert deploy_ids(CSRF_COOKIE_SECURE=False) == ["security.W016"]
    # The CSRF cookie is not used when the secret lives in the session.
    assert deploy_ids(CSRF_COOKIE_SECURE=False, CSRF_USE_SESSIONS=True) == []


def test_session_cookie_checks_only_when_sessions_are_used():
    without_sessions = [path for path in SECURE_MIDDLEWARE if "Session" not in path and "Message" not in path]
    assert deploy_ids(MIDDLEWARE=without_sessions, SESSION_COOKIE_SECURE=False) == []


def test_https_settings():
    assert deploy_ids(SECURE_HSTS_SECONDS=0) == ["security.W004"]
    assert deploy_ids(SECURE_SSL_REDIRECT=False) == ["security.W008"]


def test_missing_middleware():
    assert deploy_ids(MIDDLEWARE=[p for p in SECURE_MIDDLEWARE if "Csrf" not in p]) == ["security.W003"]
    assert deploy_ids(MIDDLEWARE=[p for p in SECURE_MIDDLEWARE if "SecurityMiddleware" not in p]) == \
        ["security.W001"]
    assert deploy_ids(MIDDLEWARE=[p for p in SECURE_MIDDLEWARE if "XFrame" not in p]) == ["security.W002"]


def test_frame_options_and_hosts():
    assert deploy_ids(X_FRAME_OPTIONS="SAMEORIGIN") == ["security.W019"]
    assert deploy_ids(ALLOWED_HOSTS=["*"]) == ["security.W901"]


def test_debug_and_weak_keys():
    assert deploy_ids(DEBUG=True) == ["security.W018"]
    assert deploy_ids(SECRET_KEY="short") == ["security.W009"]
    assert deploy_ids(SECRET_KEY_FALLBACKS=["pyframework-insecure-old"]) == ["security.W025"]


def test_middleware_order_errors_run_without_deploy():
    wrong_order = ["pyframework.middleware.csrf.CsrfViewMiddleware",
                   "pyframework.contrib.sessions.middleware.SessionMiddleware"]
    with override_settings(CSRF_USE_SESSIONS=True, MIDDLEWARE=wrong_order):
        errors = run_checks(tags=["security"])
    assert [error.id for error in errors] == ["security.E101"]
    assert "SessionMiddleware" in errors[0].hint
    with override_settings(MESSAGE_STORAGE="pyframework.contrib.messages.storage.session.SessionStorage",
                           MIDDLEWARE=["pyframework.contrib.messages.middleware.MessageMiddleware"]):
        assert [error.id for error in run_checks(tags=["security"])] == ["security.E101"]


def test_bad_samesite_value_is_an_error():
    with override_settings(SESSION_COOKIE_SAMESITE="Loose"):
        errors = run_checks(tags=["security"])
    assert [(error.id, error.obj) for error in errors] == [("security.E102", "SESSION_COOKIE_SAMESITE")]
    with override_settings(CSRF_COOKIE_SAMESITE=None):
        assert run_checks(tags=["security"]) == []


def _messages(**changes):
    options = dict(SECURE_SETTINGS)
    options.update(changes)
    with override_settings(**options):
        return dict((m.id, m.msg) for m in run_checks(tags=["security"], include_deployment_checks=True))


def test_django_ids_and_wording():
    """The warnings Django has, under Django's ids and with Django's messages."""
    assert _messages(ALLOWED_HOSTS=[]) == {"security.W020": "ALLOWED_HOSTS must not be empty in deployment."}
    assert _messages(DEBUG=False, ALLOWED_HOSTS=[])["security.W020"]
    nosniff = _messages(SECURE_CONTENT_TYPE_NOSNIFF=False)
    assert list(nosniff) == ["security.W006"]
    assert nosniff["security.W006"].startswith("Your SECURE_CONTENT_TYPE_NOSNIFF setting is not set to True, so")
    assert list(_messages(SECURE_REFERRER_POLICY=None)) == ["security.W022"]
    for weak in ("short", "pyframework-insecure-" + "k" * 60, "ab" * 40):
        message = _messages(SECRET_KEY=weak)["security.W009"]
        assert message.startswith("Your SECRET_KEY has less than 50 characters, less than 5 unique characters, "
                                  "or it's prefixed with 'pyframework-insecure-'")
    assert _messages(DEBUG=True) == {"security.W018": "You should not have DEBUG set to True in deployment."}
    assert _messages(SECRET_KEY_FALLBACKS=["old"])["security.W025"].startswith("Your SECRET_KEY_FALLBACKS[0] has")


def test_nosniff_and_referrer_checks_need_the_security_middleware():
    without = [p for p in SECURE_MIDDLEWARE if "SecurityMiddleware" not in p]
    assert deploy_ids(MIDDLEWARE=without, SECURE_CONTENT_TYPE_NOSNIFF=False, SECURE_REFERRER_POLICY=None) == \
        ["security.W001"]
