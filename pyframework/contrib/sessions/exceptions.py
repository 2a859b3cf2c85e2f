"""Errors raised by session backends."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import BadRequest, SuspiciousOperation


class InvalidSessionKey(SuspiciousOperation):
    """A session key with characters no backend ever produces."""


class SessionInterrupted(BadRequest):
    """The session was deleted (by a concurrent request, e.g. a logout) while this request ran."""
