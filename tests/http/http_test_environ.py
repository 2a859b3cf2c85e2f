"""Build PEP 3333 environs by hand for the HTTP tests (native strings, bytes-in-latin-1)."""
from __future__ import unicode_literals

import io

from pyframework.utils.compat import PY2


def native(value):
    """A WSGI native string: text is sent as UTF-8 bytes, then smuggled as latin-1 on Python 3."""
    if not isinstance(value, bytes):
        value = value.encode("utf-8")
    return value if PY2 else value.decode("latin-1")


def make_environ(path="/", method="GET", query="", body=b"", content_type=None, headers=None,
                 content_length=True, stream=None, **extra):
    """An environ for ``path``; ``headers`` maps META keys (HTTP_HOST...) to values."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    if content_type is not None:
        environ["CONTENT_TYPE"] = content_type
    if content_length is True:
        environ["CONTENT_LENGTH"] = str(len(body))
    elif content_length is not None:
        environ["CONTENT_LENGTH"] = content_length
    environ.update(headers or {})
    environ.update(extra)
    result = dict((native(key), native(value) if isinstance(value, (bytes, type(""))) else value)
                  for key, value in environ.items())
    result[native("wsgi.input")] = stream if stream is not None else io.BytesIO(body)
    result[native("wsgi.errors")] = io.StringIO() if not PY2 else io.BytesIO()
    return result
