"""Views, templates and reverse() through the WSGI handler, also under a script prefix (a WAR's context path)."""
from __future__ import unicode_literals

import pytest

from pyframework.test import Client, override_settings

from views_support import TEMPLATE_DIR

SETTINGS = dict(
    ROOT_URLCONF="views_e2e_urls",
    TEMPLATES=[{"DIRS": [TEMPLATE_DIR]}],
    STATIC_URL="/static/",
)


@pytest.fixture
def client():
    with override_settings(**SETTINGS):
        yield Client()


@pytest.mark.parametrize("script_name", ["", "/mysite"])
def test_template_view_renders_urls_with_script_prefix(client, script_name):
    response = client.get("/page/tea/", SCRIPT_NAME=script_name)
    assert response.status_code == 200
    expected = "%s/page/tea/|%s/static/a.css|tea|%s/page/tea/" % (script_name, script_name, script_name)
    assert response.content.decode("utf-8") == expected


def test_redirect_view_reverses_under_script_prefix(client):
    response = client.get("/old/tea/", SCRIPT_NAME="/mysite")
    assert response.status_code == 302
    assert response["Location"] == "/mysite/page/tea/"


def test_require_post_through_handler(client):
    assert client.post("/submit/").content == b"submitted"
    response = client.get("/submit/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_unknown_path_is_404(client):
    assert client.get("/nowhere/").status_code == 404
