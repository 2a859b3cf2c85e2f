"""Database access: ``connections[alias]``, ``connection`` (the default one) and the error classes."""
from __future__ import absolute_import, unicode_literals

from pyframework.core import signals
from pyframework.db.utils import (  # noqa: F401
    DEFAULT_DB_ALIAS, ConnectionDoesNotExist, ConnectionHandler, DatabaseError, DatabaseErrorWrapper, DataError,
    Error, IntegrityError, InterfaceError, InternalError, NotSupportedError, OperationalError, ProgrammingError,
    load_backend,
)

connections = ConnectionHandler()


class DefaultConnectionProxy(object):
    """``connection``: attribute access goes to ``connections['default']`` of the calling thread."""

    def __getattr__(self, name):
        return getattr(connections[DEFAULT_DB_ALIAS], name)

    def __setattr__(self, name, value):
        setattr(connections[DEFAULT_DB_ALIAS], name, value)

    def __delattr__(self, name):
        delattr(connections[DEFAULT_DB_ALIAS], name)

    def __eq__(self, other):
        return connections[DEFAULT_DB_ALIAS] == other

    def __ne__(self, other):
        return not self == other

    __hash__ = object.__hash__


connection = DefaultConnectionProxy()


def reset_queries(**kwargs):
    """Empty the query logs of this thread's connections (start of each request)."""
    for conn in connections.all(initialized_only=True):
        conn.queries_log.clear()


def close_old_connections(**kwargs):
    """Close connections that are broken, too old, or kept only for one request."""
    for conn in connections.all(initialized_only=True):
        conn.close_if_unusable_or_obsolete()


def _on_setting_changed(setting=None, **kwargs):
    if setting == "DATABASES":
        connections.reset()


signals.request_started.connect(reset_queries, dispatch_uid="pyframework.db.reset_queries")
# The test client disconnects these two for the duration of its requests (by these uids).
CLOSE_AT_REQUEST_START = "pyframework.db.close_old_connections.start"
CLOSE_AT_REQUEST_END = "pyframework.db.close_old_connections.end"
signals.request_started.connect(close_old_connections, dispatch_uid=CLOSE_AT_REQUEST_START)
signals.request_finished.connect(close_old_connections, dispatch_uid=CLOSE_AT_REQUEST_END)
signals.setting_changed.connect(_on_setting_changed, dispatch_uid="pyframework.db.connections.reset")
