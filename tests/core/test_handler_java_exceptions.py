"""On Jython, exceptions thrown by Java code are handled like Python ones."""
from __future__ import unicode_literals

import logging

import pytest

from pyframework.test import Client, override_settings
from pyframework.utils.compat import JYTHON

pytestmark = pytest.mark.skipif(not JYTHON, reason="Java exceptions exist only on Jython")


@pytest.fixture(autouse=True)
def handler_urlconf():
    with override_settings(ROOT_URLCONF="handler_urls", DEBUG=False):
        yield


def test_java_exception_in_a_view_is_a_logged_500(caplog):
    with caplog.at_level(logging.ERROR, logger="pyframework.request"):
        response = Client(raise_request_exception=False).get("/java/")
    assert response.status_code == 500
    assert b"Server Error" in response.content
    assert b"IndexOutOfBounds" not in response.content
    assert any(r.name == "pyframework.request" for r in caplog.records)


def test_java_exception_on_the_debug_page():
    with override_settings(DEBUG=True):
        response = Client(raise_request_exception=False).get("/java/")
    assert response.status_code == 500
    assert b"IndexOutOfBoundsException" in response.content
    assert b"java_failure" in response.content


def test_java_exception_is_raised_in_tests_by_default():
    from java.lang import IndexOutOfBoundsException
    with pytest.raises(IndexOutOfBoundsException):
        Client().get("/java/")
