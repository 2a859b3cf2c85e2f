from __future__ import absolute_import
from pyframework.apps.config import AppConfig  # noqa: F401
from pyframework.apps.registry import apps  # noqa: F401
