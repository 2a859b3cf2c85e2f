"""SessionBase: the dict-like ``request.session`` every backend builds on.

The data is loaded from the backend on first access (``accessed``) and saved
by SessionMiddleware at the end of the request only if it changed
(``modified``), or on every request with SESSION_SAVE_EVERY_REQUEST.
"""
from __future__ import absolute_import, unicode_literals

import datetime
import logging
import string
import time
from time import mktime

from pyframework.conf import settings
from pyframework.core import signing
from pyframework.utils import timezone
from pyframework.utils.compat import integer_types, string_types
from pyframework.utils.crypto import get_random_string

logger = logging.getLogger("pyframework.security.SuspiciousSession")

VALID_KEY_CHARS = string.ascii_lowercase + string.digits
EXPIRY_KEY = "_session_expiry"
_EXPIRY_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S.%f"
_EPOCH = datetime.datetime(1970, 1, 1)
UTC = timezone.utc


class CreateError(Exception):
    """A new session key is already taken; ``create()`` tries another one."""


class UpdateError(Exception):
    """The session to update no longer exists (it was deleted meanwhile)."""


def _to_epoch(moment):
    """Seconds since the epoch for a datetime. A naive one is local time with ``USE_TZ = False``
    (what ``timezone.now()`` returns then) and UTC otherwise."""
    if moment.tzinfo is None and not settings.USE_TZ:
        return mktime(moment.timetuple()) + moment.microsecond / 1e6
    if moment.tzinfo is not None:
        moment = moment.replace(tzinfo=None) - moment.utcoffset()
    delta = moment - _EPOCH
    return delta.days * 86400 + delta.seconds + delta.microseconds / 1e6


def _from_epoch(seconds):
    """The datetime the project's ``USE_TZ`` calls for: aware UTC, or naive local time."""
    if settings.USE_TZ:
        return datetime.datetime.utcfromtimestamp(seconds).replace(tzinfo=UTC)
    return datetime.datetime.fromtimestamp(seconds)


def _now():
    """``timezone.now()``, read from this module's clock (``time.time()``)."""
    return _from_epoch(time.time())


def _parse_expiry_date(text):
    """The stored expiry (UTC, without offset) as the datetime ``USE_TZ`` calls for."""
    moment = datetime.datetime.strptime(text, _EXPIRY_DATE_FORMAT).replace(tzinfo=UTC)
    return moment if settings.USE_TZ else _from_epoch(_to_epoch(moment))


def _format_expiry_date(moment):
    return datetime.datetime.utcfromtimestamp(_to_epoch(moment)).strftime(_EXPIRY_DATE_FORMAT)


class SessionBase(object):
    """A dict of JSON-serializable values tied to one visitor, plus its expiry.

    Backends implement ``load``, ``exists``, ``create``, ``save``, ``delete``
    and ``clear_expired``.
    """

    TEST_COOKIE_NAME = "testcookie"
    TEST_COOKIE_VALUE = "worked"

    def __init__(self, session_key=None):
        self._session_key = session_key
        self.accessed = False
        self.modified = False
        self.serializer = signing.imported_setting(settings.SESSION_SERIALIZER, "SESSION_SERIALIZER")

    # -- the dict API ------------------------------------------------------

    def __contains__(self, key):
        return key in self._session

    def __getitem__(self, key):
        return self._session[key]

    def __setitem__(self, key, value):
        self._session[key] = value
        self.modified = True

    def __delitem__(self, key):
        del self._session[key]
        self.modified = True

    def __len__(self):
        return len(self._session)

    def __iter__(self):
        return iter(list(self._session))

    @property
    def key_salt(self):
        return "pyframework.contrib.sessions." + self.__class__.__name__

    def get(self, key, default=None):
        return self._session.get(key, default)

    def pop(self, key, *default):
        self.modified = self.modified or key in self._session
        return self._session.pop(key, *default)

    def setdefault(self, key, value):
        if key in self._session:
            return self._session[key]
        self[key] = value
        return value

    def update(self, *args, **kwargs):
        self._session.update(*args, **kwargs)
        self.modified = True

    def has_key(self, key):
        return key in self._session

    def keys(self):
        return list(self._session.keys())

    def values(self):
        return list(self._session.values())

    def items(self):
        return list(self._session.items())

    def clear(self):
        # Clearing an already empty session must still mark it modified, so
        # the emptied data reaches the backend.
        self._session_cache = {}
        self.accessed = True
        self.modified = True

    def is_empty(self):
        """True when nothing was ever stored, without loading the data needlessly."""
        try:
            return not self._session_key and not self._session_cache
        except AttributeError:
            return True

    # Browsers' cookie support, as older Django versions let views test it.
    def set_test_cookie(self):
        self[self.TEST_COOKIE_NAME] = self.TEST_COOKIE_VALUE

    def test_cookie_worked(self):
        return self.get(self.TEST_COOKIE_NAME) == self.TEST_COOKIE_VALUE

    def delete_test_cookie(self):
        del self[self.TEST_COOKIE_NAME]

    # -- encoding, for backends that store text ---------------------------

    def encode(self, session_dict):
        """The session as signed, compressed text (so stored data can't be altered unnoticed)."""
        return signing.dumps(session_dict, salt=self.key_salt, serializer=self.serializer, compress=True)

    def decode(self, session_data):
        try:
            return signing.loads(session_data, salt=self.key_salt, serializer=self.serializer)
        except signing.BadSignature:
            logger.warning("Session data corrupted")
        except Exception:
            # Whatever a broken store returns, a visitor gets a fresh session, not a 500.
            logger.warning("Session data could not be decoded", exc_info=True)
        return {}

    # -- the session key ---------------------------------------------------

    def _get_new_session_key(self):
        """A random key no stored session uses yet."""
        while True:
            session_key = get_random_string(32, VALID_KEY_CHARS)
            if not self.exists(session_key):
                return session_key

    def _get_or_create_session_key(self):
        if self._session_key is None:
            self._session_key = self._get_new_session_key()
        return self._session_key

    def _validate_session_key(self, key):
        """Keys shorter than 8 characters are refused: they would be guessable."""
        return isinstance(key, string_types) and len(key) >= 8

    def _get_session_key(self):
        return self.__session_key

    def _set_session_key(self, value):
        self.__session_key = value if self._validate_session_key(value) else None

    session_key = property(_get_session_key)
    _session_key = property(_get_session_key, _set_session_key)

    def _get_session(self, no_load=False):
        """The data dict, loaded from the backend on first use."""
        self.accessed = True
        try:
            return self._session_cache
        except AttributeError:
            if self.session_key is None or no_load:
                self._session_cache = {}
            else:
                self._session_cache = self.load()
        return self._session_cache

    _session = property(_get_session)

    # -- expiry ------------------------------------------------------------

    def get_session_cookie_age(self):
        return settings.SESSION_COOKIE_AGE

    def get_expiry_age(self, modification=None, expiry=None):
        """Seconds from ``modification`` (default: now) until the session expires."""
        if expiry is None:
            expiry = self.get(EXPIRY_KEY)
        if not expiry:  # None, or 0: expires at browser close, bounded by the cookie age
            return self.get_session_cookie_age()
        if isinstance(expiry, integer_types):
            return expiry
        if isinstance(expiry, string_types):
            expiry = _parse_expiry_date(expiry)
        start = _to_epoch(modification) if modification is not None else time.time()
        return max(0, int(_to_epoch(expiry) - start))

    def get_expiry_date(self, modification=None, expiry=None):
        """The datetime at which the session expires: aware (UTC) with ``USE_TZ``, naive local
        time without, like ``timezone.now()``."""
        if expiry is None:
            expiry = self.get(EXPIRY_KEY)
        if isinstance(expiry, string_types):
            return _parse_expiry_date(expiry)
        if isinstance(expiry, datetime.datetime):
            return expiry
        start = modification if modification is not None else _now()
        return start + datetime.timedelta(seconds=expiry or self.get_session_cookie_age())

    def set_expiry(self, value):
        """When the session expires.

        An int is seconds of inactivity; a datetime or timedelta a moment; 0
        means when the browser closes; None returns to the global policy
        (SESSION_COOKIE_AGE and SESSION_EXPIRE_AT_BROWSER_CLOSE).
        """
        if value is None:
            self.pop(EXPIRY_KEY, None)
            return
        if isinstance(value, datetime.timedelta):
            value = _now() + value
        if isinstance(value, datetime.datetime):
            value = _format_expiry_date(value)
        elif not isinstance(value, integer_types) or isinstance(value, bool):
            raise TypeError("set_expiry() takes seconds, a datetime, a timedelta or None, not %r." % (value,))
        self[EXPIRY_KEY] = value

    def get_expire_at_browser_close(self):
        expiry = self.get(EXPIRY_KEY)
        if expiry is None:
            return settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
        return expiry == 0

    def has_expired(self, data, saved_at):
        """True if ``data``, last saved at epoch ``saved_at``, is past its expiry."""
        expiry = data.get(EXPIRY_KEY)
        now = time.time()
        if isinstance(expiry, string_types):
            try:
                return now >= _to_epoch(_parse_expiry_date(expiry))
            except ValueError:
                return True
        age = expiry if isinstance(expiry, integer_types) and expiry > 0 else self.get_session_cookie_age()
        return now - saved_at > age

    # -- life cycle --------------------------------------------------------

    def flush(self):
        """Forget the data and the key (e.g. at logout): the next request starts a new session."""
        self.clear()
        self.delete()
        self._session_key = None

    def cycle_key(self):
        """Keep the data under a new key (e.g. at login), so a key an attacker planted becomes useless."""
        data = self._session
        key = self.session_key
        self.create()
        self._session_cache = data
        if key:
            self.delete(key)

    # -- what backends implement -------------------------------------------

    def exists(self, session_key):
        raise NotImplementedError("%s must provide exists()." % self.__class__.__name__)

    def create(self):
        """Store a new, empty session under a fresh key.

        Backends with server-side storage get this for free: ``save(must_create=True)``
        raises CreateError when a concurrent request took the same key, and a new key
        is drawn. Cookie-only backends override it.
        """
        while True:
            self._session_key = self._get_new_session_key()
            try:
                self.save(must_create=True)
            except CreateError:
                continue
            self.modified = True
            return

    def save(self, must_create=False):
        raise NotImplementedError("%s must provide save()." % self.__class__.__name__)

    def delete(self, session_key=None):
        raise NotImplementedError("%s must provide delete()." % self.__class__.__name__)

    def load(self):
        raise NotImplementedError("%s must provide load()." % self.__class__.__name__)

    @classmethod
    def clear_expired(cls):
        raise NotImplementedError("%s must provide clear_expired()." % cls.__name__)
