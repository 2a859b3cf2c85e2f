"""The DEBUG error page shows chained exceptions, and the Java stack trace with its causes."""
from __future__ import unicode_literals

import sys

import pytest

from pyframework.test import Client, override_settings
from pyframework.utils.compat import JYTHON

only_jython = pytest.mark.skipif(not JYTHON, reason="Java exceptions cross into Python only on Jython")


@pytest.fixture(autouse=True)
def debug_urlconf():
    with override_settings(ROOT_URLCONF="debug_chain_urls", DEBUG=True):
        yield


def page(path, accept="text/html"):
    response = Client(raise_request_exception=False).get(path, HTTP_ACCEPT=accept)
    assert response.status_code == 500
    return response.content.decode("utf-8")


def test_explicit_cause_is_shown_before_the_raised_exception():
    text = page("/cause/", accept="text/plain")
    cause = text.index("KeyError: 404")
    link = text.index("The above exception was the direct cause of the following exception:")
    raised = text.rindex("LookupFailed: the lookup of 404 failed")
    assert cause < link < raised
    assert text.startswith("LookupFailed: the lookup of 404 failed")


def test_explicit_cause_on_the_html_page():
    html = page("/cause/")
    assert "<b>KeyError: 404</b>" in html
    assert "The above exception was the direct cause of the following exception:" in html


@pytest.mark.skipif(sys.version_info[0] < 3, reason="Python 2 sets no __context__")
def test_implicit_context_is_shown():
    text = page("/context/", accept="text/plain")
    assert text.index("ValueError: invalid literal for int()") < text.index(
        "During handling of the above exception, another exception occurred:") < text.rindex("NameError")
    # The cause's own traceback, with its source line.
    assert 'int("not-a-number")' in text


@only_jython
def test_java_cause_chain_is_shown():
    text = page("/java-cause/", accept="text/plain")
    assert "Java stack trace:" in text
    assert "java.lang.RuntimeException: outer java failure" in text
    assert "Caused by: java.lang.IllegalStateException: inner java failure" in text
    assert "    at " in text


@only_jython
def test_python_exception_over_a_java_one():
    html = page("/python-over-java/")
    assert "LookupFailed: reading the list failed" in html
    assert "<h2>Java stack trace</h2>" in html
    assert "java.lang.IndexOutOfBoundsException" in html
    assert "at java.util.ArrayList" in html or "at java.base/java.util" in html
