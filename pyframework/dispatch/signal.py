"""Signals: let decoupled parts of a project hear about framework events.

Receivers are held by strong reference keyed by ``dispatch_uid`` (or the
receiver's identity): simple and predictable, and connecting happens at
import time, not per request. ``send`` takes no lock, so it is cheap on the
request path; connect/disconnect copy the receiver list instead of mutating it.
"""
from __future__ import absolute_import, unicode_literals

import threading


class Signal(object):
    def __init__(self):
        self._receivers = ()  # tuple of (key, receiver, sender); replaced, never mutated
        self._lock = threading.Lock()

    @staticmethod
    def _key(receiver, sender, dispatch_uid):
        return (dispatch_uid or id(receiver), id(sender) if sender is not None else None)

    def connect(self, receiver, sender=None, dispatch_uid=None):
        key = self._key(receiver, sender, dispatch_uid)
        with self._lock:
            if not any(existing == key for existing, _, _ in self._receivers):
                self._receivers = self._receivers + ((key, receiver, sender),)

    def disconnect(self, receiver=None, sender=None, dispatch_uid=None):
        key = self._key(receiver, sender, dispatch_uid)
        with self._lock:
            before = len(self._receivers)
            self._receivers = tuple(item for item in self._receivers if item[0] != key)
            return len(self._receivers) != before

    def has_listeners(self, sender=None):
        return bool(self._live_receivers(sender))

    def _live_receivers(self, sender):
        return [receiver for _, receiver, wanted in self._receivers if wanted is None or wanted is sender]

    def send(self, sender, **named):
        """Call every receiver; an exception propagates to the sender."""
        return [(receiver, receiver(signal=self, sender=sender, **named))
                for receiver in self._live_receivers(sender)]

    def send_robust(self, sender, **named):
        """Call every receiver; exceptions are returned instead of raised."""
        responses = []
        for receiver in self._live_receivers(sender):
            try:
                responses.append((receiver, receiver(signal=self, sender=sender, **named)))
            except Exception as exc:
                responses.append((receiver, exc))
        return responses


def receiver(signal, **kwargs):
    """Decorator: ``@receiver(request_finished)`` connects the function it decorates."""
    def decorator(func):
        signals = signal if isinstance(signal, (list, tuple)) else [signal]
        for each in signals:
            each.connect(func, **kwargs)
        return func
    return decorator
