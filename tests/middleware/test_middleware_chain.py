"""MIDDLEWARE: order, hooks, MiddlewareNotUsed and configuration errors."""
from __future__ import unicode_literals

import pytest

import chain_middleware
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.handlers.wsgi import WSGIHandler
from pyframework.test import Client, RequestFactory, override_settings

CHAIN = [
    "chain_middleware.outer",
    "chain_middleware.unused",
    "chain_middleware.inner",
]


@pytest.fixture(autouse=True)
def setup():
    del chain_middleware.calls[:]
    del chain_middleware.factory_calls[:]
    with override_settings(ROOT_URLCONF="middleware_urls", DEBUG=False):
        yield


def test_request_goes_in_outer_first_and_response_comes_back_inner_first():
    with override_settings(MIDDLEWARE=CHAIN):
        response = Client().get("/page/")
    assert response.content == b"page"
    assert chain_middleware.calls == ["outer:request", "inner:request", "inner:response", "outer:response"]
    assert response["X-Seen-By-outer"] == "yes"
    assert response["X-Seen-By-inner"] == "yes"


def test_middleware_not_used_is_left_out_and_factories_run_once():
    with override_settings(MIDDLEWARE=CHAIN):
        handler = WSGIHandler()
        environ = RequestFactory()._base_environ
        for _ in range(3):
            result = handler(environ(PATH_INFO="/page/"), lambda status, headers: None)
            result.close()
    assert chain_middleware.factory_calls == ["inner", "outer"]


def test_bad_dotted_path_fails_at_start_up_naming_the_entry():
    with override_settings(MIDDLEWARE=["chain_middleware.outer", "chain_middleware.DoesNotExist"]):
        with pytest.raises(ImproperlyConfigured) as info:
            WSGIHandler()
    assert "chain_middleware.DoesNotExist" in str(info.value)
    assert "MIDDLEWARE" in str(info.value)


@pytest.mark.parametrize("entry", ["no_such_module_anywhere.Middleware", "chain_middleware.NOT_A_MIDDLEWARE",
                                   "NoDots"])
def test_unusable_entry_fails_at_start_up_naming_it(entry):
    with override_settings(MIDDLEWARE=[entry]):
        with pytest.raises(ImproperlyConfigured) as info:
            WSGIHandler()
    assert entry in str(info.value)


def test_process_view_can_answer_instead_of_the_view():
    with override_settings(MIDDLEWARE=["chain_middleware.ViewShortCircuit"]):
        client = Client()
        short = client.get("/short/")
        normal = client.get("/page/")
    assert short.content == b"short-circuited"
    assert normal.content == b"page"
    assert chain_middleware.calls == ["process_view:page", "process_view:page"]


def test_process_exception_turns_an_exception_into_a_response():
    with override_settings(MIDDLEWARE=["chain_middleware.ExceptionToResponse"]):
        response = Client().get("/key-error/")
    assert response.status_code == 409
    assert response.content == b"handled missing-key"


def test_unhandled_exception_passes_through_process_exception_to_500():
    with override_settings(MIDDLEWARE=["chain_middleware.ExceptionToResponse"]):
        response = Client(raise_request_exception=False).get("/value-error/")
    assert response.status_code == 500
    assert chain_middleware.calls == ["process_exception:ValueError"]


def test_process_template_response_runs_before_render():
    with override_settings(MIDDLEWARE=["chain_middleware.TemplateResponseHook"]):
        response = Client().get("/deferred/")
    assert response.content == b"hello from middleware"
    assert chain_middleware.calls == ["process_template_response"]


def test_old_style_process_request_can_answer_early():
    with override_settings(MIDDLEWARE=["chain_middleware.OldStyle", "chain_middleware.inner"]):
        client = Client()
        early = client.get("/early/")
        assert chain_middleware.calls == ["old:request", "old:response"]
        normal = client.get("/page/")
    assert early.content == b"answered early"
    assert normal.content == b"page"


def test_middleware_sees_error_responses_not_exceptions():
    with override_settings(MIDDLEWARE=["chain_middleware.outer"]):
        response = Client().get("/missing-page/")
    assert response.status_code == 404
    assert response["X-Seen-By-outer"] == "yes"


def test_request_urlconf_overrides_root_urlconf_for_that_request_only():
    with override_settings(MIDDLEWARE=["chain_middleware.UrlconfSwitch"]):
        client = Client()
        switched = client.get("/page/", HTTP_X_ALT_URLS="1")
        normal = client.get("/page/")
        missing = client.get("/short/", HTTP_X_ALT_URLS="1")
    assert switched.content == b"alternative"
    assert normal.content == b"page"
    assert missing.status_code == 404
