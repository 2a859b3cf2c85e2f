"""Shared by the PostgreSQL extras: the database check before any SQL, and item errors of arrays."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ValidationError
from pyframework.db.utils import NotSupportedError


def require_postgresql(connection, what):
    """Raise NotSupportedError naming ``what`` and the database unless ``connection`` is PostgreSQL."""
    if connection.vendor != "postgresql":
        raise NotSupportedError(
            "%s needs PostgreSQL; the database '%s' is %s. Use it on a PostgreSQL database "
            "(DATABASES['%s']) or pick a portable field or lookup." % (
                what, connection.alias, getattr(connection, "display_name", connection.vendor), connection.alias))


def item_error(message, index, error):
    """``error`` of the array's item ``index`` (0-based) under ``message`` ("Item %(nth)s ... :")."""
    return ValidationError("%s %s" % (message % {"nth": index + 1}, " ".join(error.messages)),
                           code="item_invalid", params={"nth": index + 1})
