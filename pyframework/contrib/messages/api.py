"""Adding and reading messages from views."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.messages import constants


class MessageFailure(Exception):
    """A message was added but the request has no message storage (MessageMiddleware missing)."""


def _storage(request):
    return getattr(request, "_messages", None)


def add_message(request, level, message, extra_tags="", fail_silently=False):
    """Queue ``message`` for the visitor's next page; dropped if below the current level.

    Without MessageMiddleware this raises MessageFailure, unless ``fail_silently``.
    """
    storage = _storage(request)
    if storage is None:
        if fail_silently:
            return None
        raise MessageFailure(
            "You cannot add messages without installing "
            "pyframework.contrib.messages.middleware.MessageMiddleware in MIDDLEWARE.")
    return storage.add(level, message, extra_tags)


def get_messages(request):
    """The request's messages (iterating them marks them as shown); [] without the middleware."""
    storage = _storage(request)
    return storage if storage is not None else []


def get_level(request):
    """The minimum level recorded for this request (MESSAGE_LEVEL unless set_level changed it)."""
    storage = _storage(request)
    if storage is None:
        from pyframework.conf import settings

        return settings.MESSAGE_LEVEL
    return storage.level


def set_level(request, level):
    """Record only messages of ``level`` and above for this request (None: back to MESSAGE_LEVEL)."""
    storage = _storage(request)
    if storage is None:
        return False
    storage.level = level
    return True


def _shortcut(level, name):
    def add(request, message, extra_tags="", fail_silently=False):
        return add_message(request, level, message, extra_tags=extra_tags, fail_silently=fail_silently)
    add.__name__ = str(name)
    add.__doc__ = "Add a message with the %s level." % name.upper()
    return add


debug = _shortcut(constants.DEBUG, "debug")
info = _shortcut(constants.INFO, "info")
success = _shortcut(constants.SUCCESS, "success")
warning = _shortcut(constants.WARNING, "warning")
error = _shortcut(constants.ERROR, "error")
