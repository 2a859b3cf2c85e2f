"""Session serializers: ``dumps(obj) -> bytes`` and ``loads(bytes) -> obj``.

JSON only: unlike pickle, loading JSON cannot run code even if an attacker
learned the secret key.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.signing import JSONSerializer  # noqa: F401 - the SESSION_SERIALIZER default
