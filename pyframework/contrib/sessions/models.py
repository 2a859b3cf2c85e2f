"""The table behind the database session backend (SESSION_ENGINE ``...backends.db``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.sessions.base_session import AbstractBaseSession, BaseSessionManager


class SessionManager(BaseSessionManager):
    use_in_migrations = True


class Session(AbstractBaseSession):
    """The database backend's sessions (see AbstractBaseSession)."""

    objects = SessionManager()

    @classmethod
    def get_session_store_class(cls):
        # The backend module reads this model on first use: imported here when called.
        from pyframework.contrib.sessions.backends.db import SessionStore

        return SessionStore

    class Meta(AbstractBaseSession.Meta):
        # Explicit, so the model can be imported before the app registry is populated.
        app_label = "sessions"
        db_table = "pyframework_session"
