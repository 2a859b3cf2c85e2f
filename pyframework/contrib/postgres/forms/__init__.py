"""Form fields of the PostgreSQL extras."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.postgres.forms.array import SimpleArrayField  # noqa: F401
