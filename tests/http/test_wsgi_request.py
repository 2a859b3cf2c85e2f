# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import pytest

from http_test_environ import make_environ
from pyframework.conf import settings
from pyframework.core.exceptions import BadRequest, DisallowedHost, ImproperlyConfigured
from pyframework.http import HttpRequest, QueryDict
from pyframework.http.request import WSGIRequest


def request_for(path="/", **kwargs):
    return WSGIRequest(make_environ(path, **kwargs))


def test_path_and_method():
    request = request_for("/café/menu", method="post")
    assert request.method == "POST"
    assert request.path == "/café/menu"
    assert request.path_info == "/café/menu"
    assert request.script_name == ""
    assert request.resolver_match is None


def test_script_name_prefixes_path():
    request = request_for("/articles/2024/", SCRIPT_NAME="/mysite")
    assert request.script_name == "/mysite"
    assert request.path_info == "/articles/2024/"
    assert request.path == "/mysite/articles/2024/"
    assert request.get_full_path_info() == "/articles/2024/"


def test_empty_path_info_is_root():
    request = request_for("", SCRIPT_NAME="/mysite")
    assert request.path_info == "/"
    assert request.path == "/mysite/"


@pytest.mark.parametrize("raw_path", [b"/caf\xe9/", b"/\xff", b"/\xc3"])
def test_path_that_is_not_utf8_is_a_bad_request(raw_path):
    with pytest.raises(BadRequest) as info:
        request_for(raw_path)
    assert "not valid UTF-8" in str(info.value)


def test_get_is_lazy_multi_valued_and_immutable():
    request = request_for("/", query="a=1&a=2&q=caf%C3%A9+noir&blank=")
    assert "GET" not in request.__dict__
    assert request.GET.getlist("a") == ["1", "2"]
    assert request.GET["q"] == "café noir"
    assert request.GET["blank"] == ""
    assert request.GET is request.GET
    with pytest.raises(AttributeError):
        request.GET["a"] = "3"


def test_get_with_bad_query_string_is_a_bad_request():
    request = request_for("/", query="a=%E9")
    with pytest.raises(BadRequest) as info:
        request.GET
    assert "query string" in str(info.value)


def test_setting_encoding_re_decodes_get():
    request = request_for("/", query="name=%E9t%E9")
    request.encoding = "latin-1"
    assert request.GET["name"] == "été"
    request.encoding = "utf-8"
    with pytest.raises(BadRequest):
        request.GET


def test_charset_of_content_type_becomes_encoding():
    request = request_for("/", query="v=%E9", content_type="text/plain; charset=ISO-8859-1")
    assert request.encoding == "ISO-8859-1"
    assert request.GET["v"] == "é"
    assert request_for("/", content_type="text/plain; charset=nonsense").encoding is None


def test_cookies():
    request = request_for("/", headers={"HTTP_COOKIE": 'sessionid=abc; theme="dark mode"; empty=; café=crème'})
    assert request.COOKIES["sessionid"] == "abc"
    assert request.COOKIES["theme"] == "dark mode"
    assert request.COOKIES["empty"] == ""
    assert request.COOKIES["café"] == "crème"
    assert request_for("/").COOKIES == {}


def test_headers_are_case_insensitive():
    request = request_for("/", content_type="text/plain", headers={"HTTP_X_REQUESTED_WITH": "Test", "HTTP_ACCEPT": "*/*"})
    assert request.headers["Content-Type"] == "text/plain"
    assert request.headers["content-type"] == "text/plain"
    assert request.headers["X-Requested-With"] == "Test"
    assert request.headers["x_requested_with"] == "Test"
    assert "Host" in request.headers
    assert "Server-Name" not in request.headers
    assert request.headers.get("Missing") is None
    assert "X-Requested-With" in list(request.headers)


def test_content_type_and_params():
    request = request_for("/", content_type='Multipart/Form-Data; boundary="abc"; charset=utf-8')
    assert request.content_type == "multipart/form-data"
    assert request.content_params == {"boundary": "abc", "charset": "utf-8"}
    assert request_for("/").content_type == ""


def test_scheme_and_is_secure(monkeypatch):
    assert request_for("/").scheme == "http"
    secure = request_for("/", **{"wsgi.url_scheme": "https"})
    assert secure.is_secure()
    monkeypatch.setattr(settings, "SECURE_PROXY_SSL_HEADER", ("HTTP_X_FORWARDED_PROTO", "https"))
    proxied = request_for("/", headers={"HTTP_X_FORWARDED_PROTO": "https, http"})
    assert proxied.scheme == "https"
    assert request_for("/", headers={"HTTP_X_FORWARDED_PROTO": "http"}).scheme == "http"
    monkeypatch.setattr(settings, "SECURE_PROXY_SSL_HEADER", "HTTP_X_FORWARDED_PROTO")
    with pytest.raises(ImproperlyConfigured) as info:
        request_for("/").scheme
    assert "SECURE_PROXY_SSL_HEADER" in str(info.value)


@pytest.mark.parametrize("host", ["testserver", "example.com", "www.example.com", "a.b.example.com:8000",
                                  "127.0.0.1:8000", "EXAMPLE.com."])
def test_get_host_allowed(host):
    assert request_for("/", headers={"HTTP_HOST": host}).get_host() == host


@pytest.mark.parametrize("host", ["evil.com", "example.com.evil.com", "notexample.com", "exa mple.com",
                                  "example.com@evil.com", "[::1", "", "example.com\n"])
def test_get_host_disallowed(host):
    request = request_for("/", headers={"HTTP_HOST": host})
    with pytest.raises(DisallowedHost) as info:
        request.get_host()
    assert "Invalid HTTP_HOST header" in str(info.value)


def test_get_host_wildcard_and_message(monkeypatch):
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["*"])
    assert request_for("/", headers={"HTTP_HOST": "anything.org"}).get_host() == "anything.org"
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", ["only.org"])
    with pytest.raises(DisallowedHost) as info:
        request_for("/", headers={"HTTP_HOST": "other.org:81"}).get_host()
    assert "add 'other.org' to ALLOWED_HOSTS" in str(info.value)


def test_get_host_debug_allows_localhost_only_when_allowed_hosts_empty(monkeypatch):
    monkeypatch.setattr(settings, "ALLOWED_HOSTS", [])
    monkeypatch.setattr(settings, "DEBUG", True)
    for host in ("localhost", "localhost:8000", "127.0.0.1", "[::1]:8000", "sub.localhost"):
        assert request_for("/", headers={"HTTP_HOST": host}).get_host() == host
    with pytest.raises(DisallowedHost):
        request_for("/", headers={"HTTP_HOST": "example.org"}).get_host()
    monkeypatch.setattr(settings, "DEBUG", False)
    with pytest.raises(DisallowedHost):
        request_for("/", headers={"HTTP_HOST": "localhost"}).get_host()


def test_get_host_without_host_header_uses_server_name_and_port():
    environ = make_environ("/", SERVER_NAME="example.com", SERVER_PORT="8080")
    del environ["HTTP_HOST"]
    request = WSGIRequest(environ)
    assert request.get_port() == "8080"
    assert request.get_host() == "example.com:8080"


def test_forwarded_host_and_port(monkeypatch):
    headers = {"HTTP_X_FORWARDED_HOST": "www.example.com", "HTTP_X_FORWARDED_PORT": "8443"}
    assert request_for("/", headers=headers).get_host() == "testserver"
    monkeypatch.setattr(settings, "USE_X_FORWARDED_HOST", True)
    monkeypatch.setattr(settings, "USE_X_FORWARDED_PORT", True)
    request = request_for("/", headers=headers)
    assert request.get_host() == "www.example.com"
    assert request.get_port() == "8443"


def test_get_full_path_escapes():
    request = request_for(b"/caf\xc3\xa9 bar/", query="q=caf%C3%A9&x=a+b")
    assert request.get_full_path() == "/caf%C3%A9%20bar/?q=caf%C3%A9&x=a+b"
    assert request_for("/a").get_full_path(force_append_slash=True) == "/a/"
    raw_query = request_for("/", query=b"q=\xc3\xa9")
    assert raw_query.get_full_path() == "/?q=%C3%A9"


def test_build_absolute_uri_with_script_name():
    request = request_for("/blog/post/", SCRIPT_NAME="/mysite", query="page=2")
    assert request.build_absolute_uri() == "http://testserver/mysite/blog/post/?page=2"
    assert request.build_absolute_uri("/other/") == "http://testserver/other/"
    assert request.build_absolute_uri("comments/") == "http://testserver/mysite/blog/post/comments/"
    assert request.build_absolute_uri("../") == "http://testserver/mysite/blog/"
    assert request.build_absolute_uri("https://elsewhere.org/x") == "https://elsewhere.org/x"
    assert request.build_absolute_uri("//cdn.example.com/a.js") == "http://cdn.example.com/a.js"
    assert request.build_absolute_uri("/caf\xe9/") == "http://testserver/caf%C3%A9/"


def test_build_absolute_uri_https_and_disallowed_host():
    request = request_for("/x", headers={"HTTP_HOST": "www.example.com"}, **{"wsgi.url_scheme": "https"})
    assert request.build_absolute_uri() == "https://www.example.com/x"
    with pytest.raises(DisallowedHost):
        request_for("/", headers={"HTTP_HOST": "evil.com"}).build_absolute_uri()


@pytest.mark.parametrize("accept, media_type, expected", [
    (None, "application/json", True),
    ("text/html", "text/html", True),
    ("text/html", "application/json", False),
    ("text/*", "text/plain", True),
    ("application/json, text/html;q=0.9", "text/html", True),
    ("*/*;q=0.1", "image/png", True),
    ("text/html, application/json;q=0", "application/json", False),
])
def test_accepts(accept, media_type, expected):
    headers = {"HTTP_ACCEPT": accept} if accept is not None else {}
    assert request_for("/", headers=headers).accepts(media_type) is expected


def test_repr_and_urlconf_attribute():
    request = request_for("/a/", query="b=1")
    assert repr(request) == "<WSGIRequest: GET '/a/?b=1'>"
    assert not hasattr(request, "urlconf")
    request.urlconf = "project.urls"
    assert request.urlconf == "project.urls"


def test_plain_http_request_for_tests():
    request = HttpRequest()
    assert isinstance(request.GET, QueryDict)
    request.GET["a"] = "1"
    request.method = "GET"
    request.path = "/p"
    assert request.POST == {}
    assert request.FILES == {}
    assert request.get_full_path() == "/p"
    assert repr(request) == "<HttpRequest: GET '/p'>"
    request.encoding = "latin-1"
    assert request.GET["a"] == "1"
