"""utils.decorators: method_decorator, decorator_from_middleware(_with_args), classonlymethod."""
from __future__ import unicode_literals

from functools import wraps

import pytest

from pyframework.http import HttpResponse
from pyframework.test import RequestFactory
from pyframework.utils.decorators import (
    classonlymethod, decorator_from_middleware, decorator_from_middleware_with_args, method_decorator,
)


def shout(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper()
    wrapper.shouted = True
    return wrapper


def exclaim(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs) + "!"
    return wrapper


class Greeter(object):
    greeting = "hello"

    @method_decorator(shout)
    def greet(self, name):
        """Say hello."""
        return "%s %s" % (self.greeting, name)

    @method_decorator([exclaim, shout])
    def both(self):
        return "hi"


@method_decorator(exclaim, name="wave")
class Waver(object):
    def wave(self):
        return "bye"


def test_method_decorator_on_methods_and_classes():
    assert Greeter().greet("ada") == "HELLO ADA"
    assert Greeter.greet.__name__ == "greet" and Greeter.greet.__doc__ == "Say hello."
    assert Greeter.greet.shouted is True
    assert Greeter().both() == "HI!"  # the first decorator of the list is the outermost
    assert Waver().wave() == "bye!"
    with pytest.raises(ValueError):
        method_decorator(shout, name="missing")(Waver)
    assert method_decorator(shout).__name__ == "method_decorator(shout)"


class Tagging(object):
    def __init__(self, get_response, tag="tag"):
        self.tag = tag
        self.seen = []

    def process_request(self, request):
        if request.GET.get("stop"):
            return HttpResponse("stopped")

    def process_view(self, request, view, args, kwargs):
        self.seen.append(kwargs)

    def process_exception(self, request, exception):
        return HttpResponse("handled %s" % exception, status=500)

    def process_response(self, request, response):
        response["X-Tag"] = self.tag
        return response


def test_decorator_from_middleware_runs_the_hooks_around_one_view():
    @decorator_from_middleware(Tagging)
    def view(request, pk=None):
        if pk == "bad":
            raise ValueError("nope")
        return HttpResponse("ok %s" % pk)

    factory = RequestFactory()
    response = view(factory.get("/"), pk="1")
    assert response.content == b"ok 1" and response["X-Tag"] == "tag"
    assert view(factory.get("/?stop=1"), pk="1").content == b"stopped"
    failed = view(factory.get("/"), pk="bad")
    assert failed.status_code == 500 and failed.content == b"handled nope"
    tagged = decorator_from_middleware_with_args(Tagging)(tag="custom")(view)
    assert tagged(factory.get("/"), pk="2")["X-Tag"] == "custom"
    assert view.__name__ == "view"


def test_classonlymethod_refuses_instances():
    class Thing(object):
        @classonlymethod
        def build(cls):
            return cls

    assert Thing.build() is Thing
    with pytest.raises(AttributeError):
        Thing().build()
