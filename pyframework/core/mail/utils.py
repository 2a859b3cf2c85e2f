"""``DNS_NAME``: this machine's fully qualified name, looked up once, on first use (as Django's),
and the Message-IDs made with it."""
from __future__ import absolute_import, unicode_literals

import os
import socket
import time
import uuid

from pyframework.utils.encoding import punycode


class CachedDnsName(object):
    """``str(DNS_NAME)`` is the host name (IDNA-encoded); the reverse look-up, which can take
    seconds, happens the first time it is read, not at import."""

    def __str__(self):
        return self.get_fqdn()

    __unicode__ = __str__

    def get_fqdn(self):
        if not hasattr(self, "_fqdn"):
            self._fqdn = punycode(socket.getfqdn())
        return self._fqdn


DNS_NAME = CachedDnsName()


def make_msgid():
    """A unique Message-ID at DNS_NAME (Python 2's email.utils.make_msgid takes no domain)."""
    return str("<%d.%d.%s@%s>" % (int(time.time() * 100), os.getpid(), uuid.uuid4().hex[:16], DNS_NAME))
