"""A clock tests move by hand: monkeypatch it over a module's ``time`` to test expiry without sleeping."""
from __future__ import unicode_literals


class FakeClock(object):
    def __init__(self, now=1700000000.0):
        self.now = now

    def time(self):
        return self.now
