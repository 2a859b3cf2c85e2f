"""PostgreSQL-only model fields."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.postgres.fields.array import ArrayField  # noqa: F401
