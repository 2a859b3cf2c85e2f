"""URLconfs that include each other load, resolve at any depth and reverse."""
from __future__ import unicode_literals

import sys

import pytest

from pyframework.urls import reverse, resolve

import urls_views


@pytest.fixture(params=["urls_mutual_a", "urls_mutual_b"])
def urlconf(request):
    # Import from scratch each time: which module starts the import changes what include() sees.
    for name in ("urls_mutual_a", "urls_mutual_b"):
        sys.modules.pop(name, None)
    return request.param


def test_mutually_including_urlconfs_load_and_resolve(urlconf):
    prefix = "/" if urlconf == "urls_mutual_a" else "/a/"
    assert resolve(prefix + "a-home/", urlconf=urlconf).func is urls_views.home
    assert resolve(prefix + "b/list/", urlconf=urlconf).func is urls_views.post_list
    assert resolve(prefix + "b/a/b/a/a-home/", urlconf=urlconf).url_name == "a-home"
    assert resolve(prefix + "b/a/b/list/", urlconf=urlconf).route == prefix[1:] + "b/a/b/list/"


def test_mutually_including_urlconfs_reverse(urlconf):
    # As in Django, the last pattern is tried first, here the include: the URL goes once round
    # the cycle, and resolves back to the named view.
    for name in ("a-home", "b-list"):
        url = reverse(name, urlconf=urlconf)
        assert resolve(url, urlconf=urlconf).url_name == name
    expected = "/b/a/a-home/" if urlconf == "urls_mutual_a" else "/a/a-home/"
    assert reverse("a-home", urlconf=urlconf) == expected
