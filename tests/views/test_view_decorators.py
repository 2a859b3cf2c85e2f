from __future__ import unicode_literals

import pytest

from pyframework.http import HttpResponse
from pyframework.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe

from views_support import make_request


def answer(request):
    """Answers politely."""
    return HttpResponse("ok")


@pytest.mark.parametrize("decorator, allowed, allow_header", [
    (require_GET, ["GET"], "GET"),
    (require_POST, ["POST"], "POST"),
    (require_safe, ["GET", "HEAD"], "GET, HEAD"),
    (require_http_methods(["get", "put"]), ["GET", "PUT"], "GET, PUT"),
])
def test_only_listed_methods_pass(decorator, allowed, allow_header):
    view = decorator(answer)
    for method in ("GET", "HEAD", "POST", "PUT", "DELETE"):
        response = view(make_request(method))
        if method in allowed:
            assert response.status_code == 200
            assert response.content == b"ok"
        else:
            assert response.status_code == 405
            assert response["Allow"] == allow_header


def test_decorated_view_keeps_name_and_doc():
    view = require_POST(answer)
    assert view.__name__ == "answer"
    assert view.__doc__ == "Answers politely."
