"""Fuzzing the request parser with Hypothesis: any input is a 4xx or a valid parse, never a 500.

Each test sends generated requests (headers, cookies, query strings, multipart bodies, JSON)
through the real WSGIHandler to a view that reads every part of the request. The runs are
bounded and reproducible (derandomized, few examples, no example database), and the inputs
that once found bugs are kept as explicit ``@example`` seeds. CPython only: Hypothesis does not
run on Jython 2.7; the parser it exercises is the same code on both runtimes.
"""
from __future__ import unicode_literals

import json
import sys

import pytest

if sys.platform.startswith("java"):
    pytest.skip("Hypothesis runs on CPython only", allow_module_level=True)

from hypothesis import HealthCheck, example, given, settings as hypothesis_settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from http_test_environ import make_environ  # noqa: E402
from pyframework.core.handlers.wsgi import WSGIHandler  # noqa: E402
from pyframework.http import HttpResponse  # noqa: E402
from pyframework.test.utils import override_settings  # noqa: E402
from pyframework.urls import path  # noqa: E402

pytestmark = pytest.mark.cpython_only(reason="Hypothesis runs on CPython only")

BOUNDED = hypothesis_settings(max_examples=60, derandomize=True, database=None, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])


def probe(request, **kwargs):
    """Touch everything a view may read; the response describes what was parsed."""
    parsed = {
        "host": request.get_host(),
        "get": sorted(request.GET.lists()),
        "cookies": sorted(request.COOKIES.items()),
        "headers": sorted(request.headers.items()) if hasattr(request, "headers") else [],
        "path": request.path,
    }
    if request.method == "POST":
        if request.content_type == "application/json":
            parsed["json"] = request.json()
        else:
            parsed["post"] = sorted(request.POST.lists())
            parsed["files"] = sorted((name, [(f.name, len(f.read())) for f in files])
                                     for name, files in request.FILES.lists())
    return HttpResponse(json.dumps(parsed, sort_keys=True, default=repr), content_type="application/json")


urlpatterns = [path("", probe), path("<path:rest>", probe)]


@pytest.fixture(scope="module")
def handler():
    with override_settings(ROOT_URLCONF=__name__, MIDDLEWARE=[], DEBUG=False, ALLOWED_HOSTS=["*"],
                           DATA_UPLOAD_MAX_MEMORY_SIZE=20000):
        yield WSGIHandler()


def respond(handler, environ):
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(int(status.split()[0]))

    body = b"".join(handler(environ, start_response))
    return statuses[0], body


def assert_handled(status, body):
    assert status == 200 or 400 <= status < 500, (status, body[:500])
    if status == 200:
        json.loads(body.decode("utf-8"))  # the view saw a consistent parse


# Text as a WSGI server hands it over: any byte, as a latin-1 character.
latin1_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=255), max_size=80)
header_names = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ_-0123456789", min_size=1, max_size=20)


@BOUNDED
@given(headers=st.dictionaries(header_names, latin1_text, max_size=6), host=latin1_text)
@example(headers={"ACCEPT": "text/html;q=abc, */*;q=", "X_FORWARDED_FOR": "\x00"}, host="[::1")
@example(headers={"CONTENT_LENGTH": "-1"}, host="exa\xffmple.com")
def test_headers_and_host(handler, headers, host):
    environ = make_environ("/", headers=dict(("HTTP_" + name.replace("-", "_"), value)
                                             for name, value in headers.items()))
    environ[str("HTTP_HOST")] = str(host)
    assert_handled(*respond(handler, environ))


@BOUNDED
@given(cookie=latin1_text)
@example(cookie='a="unterminated; b=\\"; =; ;;;')
@example(cookie="sessionid=\xff\xfe; csrftoken=%zz")
def test_cookies(handler, cookie):
    assert_handled(*respond(handler, make_environ("/", headers={"HTTP_COOKIE": cookie})))


@BOUNDED
@given(query=st.text(alphabet=st.sampled_from("ab=&;%+0123456789ABCDEFxyz\xe9\xff \x00"), max_size=60),
       path_info=latin1_text)
@example(query="%", path_info="/")
@example(query="a=%e9&b=%C3%A9&%ff=1", path_info="/%2e%2e/\xff")
def test_query_strings_and_paths(handler, query, path_info):
    environ = make_environ("/" + path_info.lstrip("/"), query=query)
    assert_handled(*respond(handler, environ))


boundaries = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789'()+_,-./:=?", min_size=1, max_size=70)
part = st.tuples(latin1_text, st.one_of(st.none(), latin1_text), st.binary(max_size=300), latin1_text)


def multipart_body(boundary, parts):
    dash = b"--" + boundary.encode("latin-1")
    chunks = []
    for name, filename, data, extra_header in parts:
        disposition = 'Content-Disposition: form-data; name="%s"' % name
        if filename is not None:
            disposition += '; filename="%s"' % filename
        chunks.extend([dash, disposition.encode("latin-1"), ("X-Extra: %s" % extra_header).encode("latin-1"),
                       b"", data])
    chunks.extend([dash + b"--", b""])
    return b"\r\n".join(chunks)


@BOUNDED
@given(boundary=boundaries, parts=st.lists(part, max_size=4), cut=st.integers(min_value=0, max_value=2000),
       noise=st.binary(max_size=40))
@example(boundary="x", parts=[("a", "f.txt", b"--x\r\n", "")], cut=2000, noise=b"")
@example(boundary="b", parts=[("", None, b"", "\r\n\r\n")], cut=5, noise=b"--b--")
def test_multipart_bodies(handler, boundary, parts, cut, noise):
    body = multipart_body(boundary, parts)
    body = body[:cut] + noise + body[cut:]
    environ = make_environ("/upload/", method="POST", body=body,
                           content_type="multipart/form-data; boundary=%s" % boundary)
    assert_handled(*respond(handler, environ))


@BOUNDED
@given(content_type=latin1_text, body=st.binary(max_size=200))
@example(content_type="multipart/form-data", body=b"--\r\n")
@example(content_type="multipart/form-data; boundary=", body=b"")
@example(content_type="application/x-www-form-urlencoded; charset=nonsense", body=b"a=1")
def test_arbitrary_content_types_and_bodies(handler, content_type, body):
    environ = make_environ("/", method="POST", body=body, content_type=content_type)
    assert_handled(*respond(handler, environ))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20)


@BOUNDED
@given(value=json_values)
def test_valid_json_round_trips(handler, value):
    body = json.dumps(value).encode("utf-8")
    status, answer = respond(handler, make_environ("/", method="POST", body=body, content_type="application/json"))
    assert status == 200, answer[:300]
    assert json.loads(answer.decode("utf-8"))["json"] == json.loads(body.decode("utf-8"))


@BOUNDED
@given(body=st.one_of(st.binary(max_size=200),
                      st.text(alphabet="[]{}\":,0123456789 \\", max_size=3000).map(lambda t: t.encode("utf-8"))))
@example(body=b"[" * 5000)
@example(body=b'{"a":' * 2000 + b"1" + b"}" * 2000)
def test_hostile_json(handler, body):
    environ = make_environ("/", method="POST", body=body, content_type="application/json")
    assert_handled(*respond(handler, environ))
