"""Authentication: who the visitor is (authenticate, login, logout) and the user model.

A session holds the logged-in user's primary key (SESSION_KEY), the backend
that vouched for them (BACKEND_SESSION_KEY) and an HMAC of their password hash
(HASH_SESSION_KEY): changing the password makes every other session stale.
"""
from __future__ import absolute_import, unicode_literals

import inspect

from pyframework.conf import settings
from pyframework.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from pyframework.core.signals import setting_changed
from pyframework.middleware.csrf import rotate_token
from pyframework.urls.utils import get_callable
from pyframework.utils.compat import string_types
from pyframework.utils.crypto import constant_time_compare

SESSION_KEY = "_auth_user_id"
BACKEND_SESSION_KEY = "_auth_user_backend"
HASH_SESSION_KEY = "_auth_user_hash"
REDIRECT_FIELD_NAME = "next"

_SENSITIVE = ("api", "token", "key", "secret", "password", "signature")
_CLEANSED = "********************"

# Backend instances and user model, resolved once; reset when the settings change (tests).
_cache = {}


def _reset_cache(**kwargs):
    if kwargs.get("setting") in ("AUTHENTICATION_BACKENDS", "AUTH_USER_MODEL"):
        _cache.clear()


setting_changed.connect(_reset_cache)


def load_backend(path):
    return get_callable(path, "AUTHENTICATION_BACKENDS")()


def _get_backends(return_tuples=False):
    if "backends" not in _cache:
        pairs = [(load_backend(path), path) for path in settings.AUTHENTICATION_BACKENDS]
        if not pairs:
            raise ImproperlyConfigured("No authentication backends have been defined. "
                                       "Does AUTHENTICATION_BACKENDS contain anything?")
        _cache["backends"] = pairs
    pairs = _cache["backends"]
    return pairs if return_tuples else [backend for backend, _ in pairs]


def get_backends():
    return _get_backends(return_tuples=False)


def get_backends_for_permissions():
    return _get_backends(return_tuples=False)


def get_permission_codename(action, opts):
    """The codename of the permission for ``action`` on the model of ``opts``: ``"change_post"``."""
    return "%s_%s" % (action, opts.model_name)


def get_user_model():
    """The model named by AUTH_USER_MODEL ("app_label.ModelName")."""
    model = _cache.get("user_model")
    if model is None:
        from pyframework.apps import apps

        try:
            app_label, model_name = settings.AUTH_USER_MODEL.split(".")
        except ValueError:
            raise ImproperlyConfigured("AUTH_USER_MODEL must be of the form 'app_label.model_name', not %r."
                                       % (settings.AUTH_USER_MODEL,))
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            raise ImproperlyConfigured("AUTH_USER_MODEL refers to model %r that has not been installed; "
                                       "add its app to INSTALLED_APPS." % (settings.AUTH_USER_MODEL,))
        _cache["user_model"] = model
    return model


def _clean_credentials(credentials):
    """The credentials with secrets masked, for the user_login_failed signal."""
    return dict((key, _CLEANSED if any(word in key.lower() for word in _SENSITIVE) else value)
                for key, value in credentials.items())


def _accepts(backend, request, credentials):
    """False if the backend's authenticate() cannot take these credentials (it is skipped)."""
    try:
        inspect.getcallargs(backend.authenticate, request, **credentials)
    except TypeError:
        return False
    return True


def authenticate(request=None, **credentials):
    """The user the credentials identify, asking each backend in turn; None if none does."""
    from pyframework.contrib.auth.signals import user_login_failed

    for backend, backend_path in _get_backends(return_tuples=True):
        if not _accepts(backend, request, credentials):
            continue
        try:
            user = backend.authenticate(request, **credentials)
        except PermissionDenied:
            break  # the backend vetoes: no later backend may let the user in
        if user is None:
            continue
        user.backend = backend_path
        return user
    user_login_failed.send(sender=__name__, credentials=_clean_credentials(credentials), request=request)
    return None


def _session_auth_hash(user):
    return user.get_session_auth_hash() if hasattr(user, "get_session_auth_hash") else ""


def _backend_path(user, backend):
    if backend is not None:
        if isinstance(backend, string_types):
            return backend
        return "%s.%s" % (type(backend).__module__, type(backend).__name__)
    backend = getattr(user, "backend", None)
    if backend:
        return backend
    pairs = _get_backends(return_tuples=True)
    if len(pairs) == 1:
        return pairs[0][1]
    raise ValueError("You have multiple authentication backends configured and therefore must provide "
                     "the `backend` argument or set the `backend` attribute on the user.")


def login(request, user, backend=None):
    """Remember ``user`` in the session: a new session key and CSRF token, so none planted before works."""
    from pyframework.contrib.auth.signals import user_logged_in

    session = request.session
    session_hash = _session_auth_hash(user)
    if SESSION_KEY in session:
        if (_user_pk_from_session(session) != user.pk
                or (session_hash and not constant_time_compare(session.get(HASH_SESSION_KEY, ""), session_hash))):
            # Someone else was logged in with this session: none of their data may carry over.
            session.flush()
    else:
        session.cycle_key()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = _backend_path(user, backend)
    session[HASH_SESSION_KEY] = session_hash
    if hasattr(request, "user"):
        request.user = user
    rotate_token(request)
    user_logged_in.send(sender=user.__class__, request=request, user=user)


def logout(request):
    """Forget the user and all of the session's data."""
    from pyframework.contrib.auth.models import AnonymousUser
    from pyframework.contrib.auth.signals import user_logged_out

    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", True):
        user = None
    user_logged_out.send(sender=user.__class__ if user is not None else None, request=request, user=user)
    request.session.flush()
    if hasattr(request, "user"):
        request.user = AnonymousUser()


def _user_pk_from_session(session):
    return get_user_model()._meta.pk.to_python(session[SESSION_KEY])


def get_user(request):
    """The session's user, or AnonymousUser when nobody is logged in or the session went stale."""
    from pyframework.contrib.auth.models import AnonymousUser

    session = request.session
    try:
        user_id = _user_pk_from_session(session)
        backend_path = session[BACKEND_SESSION_KEY]
    except (KeyError, ValueError, TypeError, ValidationError, ImproperlyConfigured):
        return AnonymousUser()
    backend = dict((path, backend) for backend, path in _get_backends(return_tuples=True)).get(backend_path)
    user = backend.get_user(user_id) if backend is not None else None
    if user is None:
        return AnonymousUser()
    if hasattr(user, "get_session_auth_hash"):
        stored = session.get(HASH_SESSION_KEY)
        if not stored or not constant_time_compare(stored, user.get_session_auth_hash()):
            # The password changed since this session logged in.
            session.flush()
            return AnonymousUser()
    return user


def update_session_auth_hash(request, user):
    """After a password change, keep this session logged in (the others are logged out)."""
    request.session.cycle_key()
    if hasattr(user, "get_session_auth_hash") and request.user == user:
        request.session[HASH_SESSION_KEY] = user.get_session_auth_hash()


default_app_config = "pyframework.contrib.auth.apps.AuthConfig"
