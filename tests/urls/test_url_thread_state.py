"""Per-thread urlconf and script prefix, cache clearing, is_valid_path."""
from __future__ import unicode_literals

import threading

from pyframework.test.utils import override_settings
from pyframework.urls import (
    clear_script_prefix, get_resolver, get_script_prefix, get_urlconf, is_valid_path, reverse,
    set_script_prefix, set_urlconf,
)


def run_in_thread(func):
    results = []
    thread = threading.Thread(target=lambda: results.append(func()))
    thread.start()
    thread.join(10)
    return results[0]


def test_script_prefix_is_per_thread():
    set_script_prefix("/mysite/")
    try:
        assert run_in_thread(get_script_prefix) == "/"
        assert run_in_thread(lambda: (set_script_prefix("/other"), get_script_prefix())[1]) == "/other/"
        assert get_script_prefix() == "/mysite/"
        assert reverse("home", urlconf="urls_root") == "/mysite/"
    finally:
        clear_script_prefix()
    assert get_script_prefix() == "/"


def test_urlconf_override_is_per_thread():
    set_urlconf("urls_root")
    try:
        assert get_urlconf() == "urls_root"
        assert run_in_thread(get_urlconf) is None
        assert reverse("blog:post-list") == "/blog/"
    finally:
        set_urlconf(None)
    assert get_urlconf() is None


def test_root_urlconf_change_clears_resolver_cache():
    with override_settings(ROOT_URLCONF="urls_root"):
        first = get_resolver()
        assert get_resolver() is first
    with override_settings(ROOT_URLCONF="urls_root"):
        assert get_resolver() is not first


def test_is_valid_path():
    assert is_valid_path("/blog/", "urls_root").url_name == "post-list"
    assert is_valid_path("/blog", "urls_root") is False
