"""What connection handlers (databases, caches) share, in Django's place: ConnectionDoesNotExist."""
from __future__ import absolute_import, unicode_literals


class ConnectionDoesNotExist(Exception):
    """``handler[alias]`` with an alias the settings do not define."""
