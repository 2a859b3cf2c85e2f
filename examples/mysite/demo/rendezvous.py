"""A concurrency probe: two requests with the same key wait for each other.

If the server handled requests one at a time, the first would wait alone
until its timeout; both answering ``{"met": true}`` proves they overlapped,
without measuring time.
"""
from __future__ import unicode_literals

import threading

from pyframework.http import JsonResponse
from pyframework.views.decorators.http import require_GET

DEFAULT_TIMEOUT = 10.0
MAX_TIMEOUT = 60.0

# key -> Event of the request waiting under that key. The lock only guards this
# dict for a moment; nobody holds it while waiting.
_waiting = {}
_waiting_lock = threading.Lock()


def _timeout(request):
    raw = request.GET.get("timeout")
    if raw is None:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        return None
    if not 0 <= value <= MAX_TIMEOUT:
        return None
    return value


@require_GET
def rendezvous(request, key):
    timeout = _timeout(request)
    if timeout is None:
        return JsonResponse({"error": "timeout must be a number of seconds between 0 and %d." % MAX_TIMEOUT},
                            status=400)
    with _waiting_lock:
        partner = _waiting.pop(key, None)
        if partner is None:
            arrived = _waiting[key] = threading.Event()
    if partner is not None:
        partner.set()
        return JsonResponse({"met": True})
    met = arrived.wait(timeout)
    if not met:
        with _waiting_lock:
            if _waiting.get(key) is arrived:
                del _waiting[key]
            else:
                met = True  # a partner took our slot just now and is setting the event
    if met:
        return JsonResponse({"met": True})
    return JsonResponse({"met": False}, status=504)
