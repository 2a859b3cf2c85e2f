"""Cache key helpers (mirrors ``django.core.cache.utils``)."""
from __future__ import absolute_import, unicode_literals

import hashlib

from pyframework.utils.encoding import force_bytes, force_text

TEMPLATE_FRAGMENT_KEY_TEMPLATE = "template.cache.%s.%s"


def make_template_fragment_key(fragment_name, vary_on=None):
    """The cache key of a ``{% cache %}`` fragment, e.g. to delete it when its data changes."""
    hasher = hashlib.md5()
    if vary_on is not None:
        for arg in vary_on:
            hasher.update(force_bytes(force_text(arg)))
            hasher.update(b":")
    return TEMPLATE_FRAGMENT_KEY_TEMPLATE % (fragment_name, hasher.hexdigest())
