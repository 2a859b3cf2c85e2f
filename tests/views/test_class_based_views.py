from __future__ import unicode_literals

import pytest

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.http import HttpResponse
from pyframework.template.response import ContentNotRenderedError, SimpleTemplateResponse, TemplateResponse
from pyframework.views import View
from pyframework.views.generic import RedirectView, TemplateView

from views_support import make_request, view_env  # noqa: F401


class GreetingView(View):
    greeting = "hello"

    def get(self, request, *args, **kwargs):
        return HttpResponse("%s %s" % (self.greeting, kwargs.get("name", "")))

    def post(self, request, *args, **kwargs):
        return HttpResponse("posted")


class PostOnlyView(View):
    def post(self, request):
        return HttpResponse("posted")


def test_dispatch_calls_method_handler():
    view = GreetingView.as_view()
    assert view(make_request("GET"), name="ann").content == b"hello ann"
    assert view(make_request("POST")).content == b"posted"


def test_initkwargs_override_attributes_per_view():
    view = GreetingView.as_view(greeting="hi")
    assert view(make_request(), name="bob").content == b"hi bob"
    assert GreetingView.greeting == "hello"
    assert view.view_class is GreetingView
    assert view.view_initkwargs == {"greeting": "hi"}
    assert view.__name__ == "GreetingView"


@pytest.mark.parametrize("kwargs, fragment", [
    ({"get": None}, "HTTP method name"),
    ({"colour": "red"}, "not an attribute"),
])
def test_as_view_rejects_bad_initkwargs(kwargs, fragment):
    with pytest.raises(ImproperlyConfigured) as info:
        GreetingView.as_view(**kwargs)
    assert fragment in str(info.value)


def test_unknown_method_gets_405_with_allow():
    response = GreetingView.as_view()(make_request("DELETE"))
    assert response.status_code == 405
    assert response["Allow"] == "GET, POST, HEAD, OPTIONS"
    response = PostOnlyView.as_view()(make_request("GET"))
    assert response.status_code == 405
    assert response["Allow"] == "POST, OPTIONS"


def test_made_up_method_gets_405():
    response = GreetingView.as_view()(make_request("BREW"))
    assert response.status_code == 405


def test_head_falls_back_to_get():
    response = GreetingView.as_view()(make_request("HEAD"), name="x")
    assert response.status_code == 200
    assert response.content == b"hello x"


def test_options_lists_allowed_methods():
    response = GreetingView.as_view()(make_request("OPTIONS"))
    assert response.status_code == 200
    assert response["Allow"] == "GET, POST, HEAD, OPTIONS"
    assert response["Content-Length"] == "0"


def test_setup_stores_request_and_arguments():
    seen = {}

    class Recorder(View):
        def get(self, request, *args, **kwargs):
            seen.update(request=self.request, args=self.args, kwargs=self.kwargs)
            return HttpResponse("")

    request = make_request()
    Recorder.as_view()(request, 1, pk=2)
    assert seen == {"request": request, "args": (1,), "kwargs": {"pk": 2}}


def test_each_request_gets_a_fresh_instance():
    class Counter(View):
        count = 0

        def get(self, request):
            self.count += 1
            return HttpResponse(str(self.count))

    view = Counter.as_view()
    assert view(make_request()).content == b"1"
    assert view(make_request()).content == b"1"


def test_template_view_renders_with_url_kwargs(view_env):
    class Page(TemplateView):
        template_name = "view_page.html"
        extra_context = {"title": "<Home>"}

    request = make_request(path="/page/3/")
    response = Page.as_view()(request, pk=3)
    assert isinstance(response, TemplateResponse)
    assert response.template_name == ["view_page.html"]
    assert response.context_data["pk"] == 3
    response.render()
    assert response.content.decode("utf-8") == "<h1>&lt;Home&gt;</h1>Page|3|/page/3/"


def test_template_view_without_template_name():
    with pytest.raises(ImproperlyConfigured) as info:
        TemplateView.as_view()(make_request())
    assert "template_name" in str(info.value)


def test_template_response_can_change_before_render(view_env):
    response = TemplateResponse(make_request(), "view_page.html", {"title": "a"})
    with pytest.raises(ContentNotRenderedError):
        response.content
    response.template_name = "other_page.html"
    response.context_data = {"title": "b"}
    calls = []
    response.add_post_render_callback(lambda r: calls.append(r.content))
    assert response.render() is response
    assert response.is_rendered
    assert response.content == b"other b"
    assert calls == [b"other b"]
    response.template_name = "view_page.html"
    response.render()
    assert response.content == b"other b"


def test_simple_template_response_status_and_content_type(view_env):
    response = SimpleTemplateResponse("other_page.html", {"title": "t"}, content_type="text/plain", status=201)
    response.render()
    assert response.status_code == 201
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"other t"


def test_redirect_view_url_with_kwargs_and_query():
    view = RedirectView.as_view(url="/new/%(pk)s/", query_string=True)
    response = view(make_request(query="a=1&b=2"), pk=5)
    assert response.status_code == 302
    assert response["Location"] == "/new/5/?a=1&b=2"


def test_redirect_view_permanent_pattern_name(view_env):
    view = RedirectView.as_view(pattern_name="view-article", permanent=True)
    response = view(make_request(query="x=1"), pk=9)
    assert response.status_code == 301
    assert response["Location"] == "/articles/9/"


def test_redirect_view_without_target_is_gone():
    assert RedirectView.as_view()(make_request()).status_code == 410


def test_redirect_view_redirects_every_method():
    view = RedirectView.as_view(url="/elsewhere/")
    for method in ("POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"):
        assert view(make_request(method)).status_code == 302
