from __future__ import absolute_import
from pyframework.dispatch.signal import Signal, receiver  # noqa: F401
