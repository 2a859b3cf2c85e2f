"""The test client: cookies, redirects, uploads, JSON, query strings, headers."""
from __future__ import unicode_literals

from io import BytesIO

import pytest

from pyframework.test import Client, RedirectCycleError, RequestFactory, override_settings


@pytest.fixture(autouse=True)
def client_urlconf():
    with override_settings(ROOT_URLCONF="client_urls", DEBUG=False, MIDDLEWARE=[]):
        yield


def test_cookies_are_kept_between_requests_and_deleted():
    client = Client()
    assert client.get("/cookies/").content == b""
    client.get("/set-cookie/")
    assert client.cookies["flavour"].value == "oatmeal"
    assert client.get("/cookies/").content == b"flavour=oatmeal"
    client.get("/delete-cookie/")
    assert "flavour" not in client.cookies
    assert client.get("/cookies/").content == b""


def test_redirect_not_followed_by_default():
    response = Client().get("/redirect-once/")
    assert response.status_code == 302
    assert response["Location"] == "/target/?from=once"


def test_follow_redirects_records_the_chain():
    response = Client().get("/redirect-twice/", follow=True)
    assert response.status_code == 200
    assert response.content == b"target from=once"
    assert response.redirect_chain == [("/redirect-once/", 302), ("/target/?from=once", 302)]
    assert response.request["PATH_INFO"] == "/target/"


def test_redirect_loop_is_reported():
    with pytest.raises(RedirectCycleError) as info:
        Client().get("/loop/", follow=True)
    assert info.value.last_response.status_code == 302


def test_file_upload(tmpdir):
    document = tmpdir.join("notes.txt")
    document.write("hello upload")
    with open(str(document), "rb") as handle:
        response = Client().post("/upload/", {"title": "Notes", "document": handle})
    assert response.status_code == 200
    assert response.content == b"notes.txt:Notes:hello upload"


def test_file_upload_from_memory():
    memory_file = BytesIO(b"in memory")
    memory_file.name = "memo.txt"
    response = Client().post("/upload/", {"document": memory_file})
    assert response.content == b"memo.txt::in memory"


def test_json_body_and_json_response():
    response = Client().put("/json/", {"answer": 42}, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == {"method": "PUT", "received": {"answer": 42}}


def test_json_on_non_json_response_is_an_error():
    with pytest.raises(ValueError):
        Client().get("/cookies/").json()


def test_get_data_becomes_the_query_string():
    response = Client().get("/query/", {"tag": ["a", "b"], "name": "caf\u00e9"})
    assert response.content.decode("utf-8") == "name=caf\u00e9|tag=a,b"


def test_query_string_in_the_path():
    assert Client().get("/query/?x=1&x=2").content == b"x=1,2"


def test_headers_argument_and_defaults():
    assert Client().get("/header/", headers={"X-Custom": "given"}).content == b"given"
    assert Client(headers={"X-Custom": "default"}).get("/header/").content == b"default"
    assert Client(HTTP_X_CUSTOM="environ").get("/header/").content == b"environ"


def test_response_knows_its_request_and_resolver_match():
    response = Client().get("/target/")
    assert response.wsgi_request.path == "/target/"
    assert response.resolver_match.func.__name__ == "target"


def test_request_factory_builds_requests():
    request = RequestFactory().post("/somewhere/?q=1", {"field": "value"})
    assert request.method == "POST"
    assert request.path == "/somewhere/"
    assert request.GET["q"] == "1"
    assert request.POST["field"] == "value"


def test_none_in_post_data_is_a_clear_error():
    with pytest.raises(TypeError) as info:
        RequestFactory().post("/x/", {"field": None})
    assert "field" in str(info.value)
