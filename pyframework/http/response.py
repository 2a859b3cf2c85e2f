"""HTTP responses (minimal first version; completed below in later commits)."""
from __future__ import unicode_literals


class Http404(Exception):
    """Raised by a view to answer 404 Not Found."""


class HttpResponse(object):
    def __init__(self, content=b"", content_type=None, status=200, reason=None, charset=None, headers=None):
        self.status_code = status
        self.content = content
