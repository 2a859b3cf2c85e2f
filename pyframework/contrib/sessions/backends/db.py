"""Sessions stored in the database (the default SESSION_ENGINE).

Every server process and every WAR instance that uses the same database sees
the same sessions, so a load balancer may send a visitor anywhere. The
cookie carries only a random key; the data is signed before it is stored,
so rows altered in the database are refused like altered cookies.

Needs ``pyframework.contrib.sessions`` in INSTALLED_APPS and ``migrate``.
Expired rows stay until ``manage.py clearsessions`` deletes them (they are
never loaded once past ``expire_date``).
"""
from __future__ import absolute_import, unicode_literals

import datetime

from pyframework.contrib.sessions.backends.base import CreateError, SessionBase, UpdateError, VALID_KEY_CHARS
from pyframework.db import DatabaseError, IntegrityError, transaction
from pyframework.utils import timezone

_KEY_CHARS = frozenset(VALID_KEY_CHARS)
_MAX_KEY_LENGTH = 40  # Session.session_key's max_length


class SessionStore(SessionBase):

    _model = None

    @classmethod
    def get_model_class(cls):
        # Imported on first use, not at module import: the backend module is
        # imported while settings load, before the app registry is ready.
        if cls._model is None:
            from pyframework.contrib.sessions.models import Session

            cls._model = Session
        return cls._model

    @property
    def model(self):
        return self.get_model_class()

    def _validate_session_key(self, key):
        # A key this backend could not have made is refused before any query runs.
        return (super(SessionStore, self)._validate_session_key(key) and len(key) <= _MAX_KEY_LENGTH
                and _KEY_CHARS.issuperset(key))

    def load(self):
        row = self.model._default_manager.filter(
            session_key=self.session_key, expire_date__gt=timezone.now()).first()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row.session_data)

    def exists(self, session_key):
        return self.model._default_manager.filter(session_key=session_key).exists()

    def _row(self, data):
        expire_date = timezone.now() + datetime.timedelta(seconds=self.get_expiry_age())
        return self.model(session_key=self._get_or_create_session_key(), session_data=self.encode(data),
                          expire_date=expire_date)

    def save(self, must_create=False):
        """Insert (``must_create``) or update the row; CreateError/UpdateError when that row state is wrong."""
        if self.session_key is None:
            return self.create()
        row = self._row(self._get_session(no_load=must_create))
        try:
            # A savepoint, so a clashing INSERT does not break an enclosing transaction.
            with transaction.atomic():
                row.save(force_insert=must_create, force_update=not must_create)
        except IntegrityError:
            if must_create:
                raise CreateError()
            raise
        except DatabaseError:
            if not must_create:
                # The row was deleted meanwhile (logout in another tab, clearsessions).
                raise UpdateError()
            raise

    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        self.model._default_manager.filter(session_key=session_key).delete()

    @classmethod
    def clear_expired(cls):
        cls.get_model_class()._default_manager.filter(expire_date__lt=timezone.now()).delete()
