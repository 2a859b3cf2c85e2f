"""Views that fail with chained exceptions, for tests/core/test_debug_page_chains.py."""
from __future__ import unicode_literals

from pyframework.urls import path


class LookupFailed(Exception):
    pass


def explicit_cause(request):
    try:
        {}[404]
    except KeyError as error:
        failure = LookupFailed("the lookup of 404 failed")
        failure.__cause__ = error  # `raise ... from error`, spelled so that Jython 2.7 parses it
        raise failure


def during_handling(request):
    try:
        int("not-a-number")
    except ValueError:
        undefined_name_in_the_handler  # noqa: F821 - the second, chained failure


def java_cause(request):
    from java.lang import IllegalStateException, RuntimeException  # only requested on Jython
    raise RuntimeException("outer java failure", IllegalStateException("inner java failure"))


def python_over_java(request):
    from java.lang import Throwable  # only requested on Jython
    from java.util import ArrayList
    try:
        ArrayList().get(3)
    except Throwable as error:  # Java exceptions are no Python Exception subclasses on Jython
        failure = LookupFailed("reading the list failed")
        failure.__cause__ = error
        raise failure


urlpatterns = [
    path("cause/", explicit_cause),
    path("context/", during_handling),
    path("java-cause/", java_cause),
    path("python-over-java/", python_over_java),
]
