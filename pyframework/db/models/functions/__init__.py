"""Database functions usable in annotate(), filter(), order_by() and update()."""
from __future__ import absolute_import, unicode_literals

from pyframework.db.models.functions.text import Coalesce, Length, Lower, Upper  # noqa: F401
