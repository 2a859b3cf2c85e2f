from __future__ import unicode_literals

import uuid

import pytest

from pyframework.http import Http404
from pyframework.urls import Resolver404, get_resolver, resolve

import urls_views

URLCONF = "urls_root"


def test_root_path_resolves_to_home():
    match = resolve("/", urlconf=URLCONF)
    assert match.func is urls_views.home
    assert match.args == ()
    assert match.kwargs == {}
    assert match.url_name == "home"
    assert match.route == ""
    func, args, kwargs = match
    assert func is urls_views.home


@pytest.mark.parametrize("path, kwargs", [
    ("/articles/2003/", {"year": 2003}),
    ("/articles/2003/my-first-post/", {"year": 2003, "slug": "my-first-post"}),
    ("/files/a/b/c.txt", {"file_path": "a/b/c.txt"}),
])
def test_path_converters_give_typed_kwargs(path, kwargs):
    match = resolve(path, urlconf=URLCONF)
    assert match.kwargs == kwargs
    assert match.func is urls_views.article


def test_uuid_converter_returns_uuid():
    value = uuid.UUID("12345678-1234-5678-1234-567812345678")
    match = resolve("/items/%s/" % value, urlconf=URLCONF)
    assert match.kwargs == {"item_id": value}


def test_custom_converter_value_error_means_no_match():
    assert resolve("/articles/1999/", urlconf=URLCONF).kwargs == {"year": 1999}
    with pytest.raises(Resolver404):
        resolve("/articles/0999/", urlconf=URLCONF)


def test_route_records_full_pattern():
    assert resolve("/articles/2003/x/", urlconf=URLCONF).route == "articles/<int:year>/<slug:slug>/"
    assert resolve("/blog/7/", urlconf=URLCONF).route == "blog/<int:pk>/"


def test_re_path_named_groups_are_kwargs():
    match = resolve("/old/2020/05/", urlconf=URLCONF)
    assert match.kwargs == {"year": "2020", "month": "05"}
    assert match.args == ()


def test_re_path_unnamed_groups_are_args():
    match = resolve("/positional/42/abc/", urlconf=URLCONF)
    assert match.args == ("42", "abc")
    assert match.kwargs == {}


def test_re_path_dollar_does_not_match_trailing_newline():
    with pytest.raises(Resolver404):
        resolve("/old/2020/05/\n", urlconf=URLCONF)


def test_extra_kwargs_are_passed_and_reported():
    match = resolve("/extra/", urlconf=URLCONF)
    assert match.kwargs == {"source": "extra"}
    assert match.extra_kwargs == {"source": "extra"}
    assert match.captured_kwargs == {}


def test_non_ascii_route():
    match = resolve("/caf\u00e9/cr\u00e8me/", urlconf=URLCONF)
    assert match.kwargs == {"name": "cr\u00e8me"}


def test_include_with_app_name_sets_namespace():
    match = resolve("/blog/5/", urlconf=URLCONF)
    assert match.kwargs == {"pk": 5}
    assert match.app_name == "blog"
    assert match.namespace == "blog"
    assert match.view_name == "blog:post-detail"


def test_second_instance_namespace():
    match = resolve("/team-blog/", urlconf=URLCONF)
    assert match.app_names == ["blog"]
    assert match.namespaces == ["team-blog"]
    assert match.view_name == "team-blog:post-list"


def test_include_captured_args_are_merged():
    match = resolve("/users/9/comments/hello/", urlconf=URLCONF)
    assert match.kwargs == {"user_id": 9, "slug": "hello"}
    assert match.view_name == "comments:comment"
    assert match.route == "users/<int:user_id>/comments/<slug:slug>/"


def test_view_name_without_url_name_uses_dotted_path():
    from pyframework.urls import path
    match = resolve("/x/", urlconf=[path("x/", urls_views.article)])
    assert match.view_name == "urls_views.article"


def test_unknown_path_raises_resolver404_with_tried_patterns():
    with pytest.raises(Resolver404) as info:
        resolve("/nope/", urlconf=URLCONF)
    error = info.value
    assert isinstance(error, Http404)
    assert error.path == "/nope/"
    descriptions = error.tried_descriptions()
    assert "[name='home']" in descriptions[0]
    assert "articles/<int:year>/<slug:slug>/ [name='article-detail']" in descriptions
    assert "users/<int:user_id>/" in descriptions
    assert error.args[0]["tried"] is error.tried


def test_tried_patterns_descend_into_matching_includes():
    with pytest.raises(Resolver404) as info:
        resolve("/users/3/nope/", urlconf=URLCONF)
    descriptions = info.value.tried_descriptions()
    assert "users/<int:user_id>/ profile/ [name='user-profile']" in descriptions
    assert "users/<int:user_id>/ comments/" in descriptions
    assert "blog/" in descriptions


def test_match_tried_is_computed_on_demand():
    match = resolve("/extra/", urlconf=URLCONF)
    last = match.tried[-1]
    assert last[-1].name == "extra"
    assert len(match.tried) == 9


def test_resolver_is_cached_per_urlconf():
    assert get_resolver(URLCONF) is get_resolver(URLCONF)


def test_error_handler_from_urlconf_as_dotted_path():
    handler = get_resolver(URLCONF).resolve_error_handler(404)
    assert handler is urls_views.custom_not_found


def test_error_handlers_default_to_pyframework_views():
    from pyframework.views import defaults
    resolver = get_resolver(URLCONF)
    assert resolver.resolve_error_handler(500) is defaults.server_error
    assert resolver.resolve_error_handler(400) is defaults.bad_request
    assert resolver.resolve_error_handler(403) is defaults.permission_denied


def test_error_handler_given_as_callable():
    import types
    module = types.ModuleType(str("callable_handler_urls"))
    module.urlpatterns = []
    module.handler403 = urls_views.custom_not_found
    assert get_resolver(module).resolve_error_handler(403) is urls_views.custom_not_found
