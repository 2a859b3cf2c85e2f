"""Adds ``messages`` and ``DEFAULT_MESSAGE_LEVELS`` to template contexts."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.messages.api import get_messages
from pyframework.contrib.messages.constants import DEFAULT_LEVELS


def messages(request):
    return {"messages": get_messages(request), "DEFAULT_MESSAGE_LEVELS": DEFAULT_LEVELS}
