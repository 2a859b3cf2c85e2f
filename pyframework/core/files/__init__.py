"""Files: a small wrapper around file objects, and the uploaded-file classes."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.files.base import ContentFile, File  # noqa: F401
