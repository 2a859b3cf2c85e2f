"""One-time notifications for the next page a visitor sees ("Profile saved.").

Add MessageMiddleware to MIDDLEWARE (after SessionMiddleware) and the
``pyframework.contrib.messages.context_processors.messages`` context processor,
then ``messages.success(request, "Saved.")`` in a view and loop over
``messages`` in the template.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.messages.api import (  # noqa: F401
    MessageFailure, add_message, debug, error, get_level, get_messages, info, set_level, success, warning,
)
from pyframework.contrib.messages.constants import (  # noqa: F401
    DEBUG, DEFAULT_LEVELS, DEFAULT_TAGS, ERROR, INFO, SUCCESS, WARNING,
)
from pyframework.contrib.messages.storage.base import Message  # noqa: F401

__all__ = [
    "MessageFailure", "add_message", "debug", "error", "get_level", "get_messages", "info", "set_level", "success",
    "warning", "Message", "DEBUG", "DEFAULT_LEVELS", "DEFAULT_TAGS", "ERROR", "INFO", "SUCCESS", "WARNING",
]
