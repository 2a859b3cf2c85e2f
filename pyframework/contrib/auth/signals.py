"""Signals of the authentication life cycle."""
from __future__ import absolute_import, unicode_literals

from pyframework.dispatch import Signal

user_logged_in = Signal()      # sender=user class, request, user
user_logged_out = Signal()     # sender=user class (None if nobody was logged in), request, user
user_login_failed = Signal()   # sender=module name, credentials (password masked), request
