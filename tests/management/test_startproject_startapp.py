"""startproject / startapp: the generated layout, its settings, and a project that works."""
from __future__ import unicode_literals

import io
import os
import re

import pytest

import pyframework

from pyframework.core.management import CommandError, call_command
from pyframework.test import Client

PROJECT_FILES = [
    "manage.py",
    "genproj/__init__.py",
    "genproj/settings.py",
    "genproj/urls.py",
    "genproj/views.py",
    "genproj/wsgi.py",
    "templates/base.html",
    "templates/index.html",
    "static/site.css",
]
APP_FILES = [
    "genapp/__init__.py",
    "genapp/apps.py",
    "genapp/views.py",
    "genapp/urls.py",
    "genapp/tests.py",
    "genapp/templates/genapp/index.html",
    "genapp/static/genapp/genapp.css",
]


def read(path):
    with io.open(str(path), encoding="utf-8") as handle:
        return handle.read()


@pytest.mark.parametrize("relative", PROJECT_FILES + APP_FILES)
def test_generated_file_exists(project_dir, relative):
    assert project_dir.join(*relative.split("/")).check(file=1)


def test_no_placeholder_is_left_and_no_template_suffix(project_dir):
    for root, _, files in os.walk(str(project_dir)):
        for name in files:
            assert not name.endswith("-tpl")
            if name.endswith((".py", ".gradle", ".html", ".css")):
                text = read(os.path.join(root, name))
                assert not re.search(r"\{\{ (project_name|app_name|secret_key|pyframework_home) \}\}", text), name


def test_settings_are_django_like(project_dir):
    from genproj import settings

    assert settings.DEBUG is True
    assert settings.SECRET_KEY.startswith("pyframework-insecure-") and len(settings.SECRET_KEY) > 60
    assert settings.ROOT_URLCONF == "genproj.urls"
    assert settings.MIDDLEWARE == [
        "pyframework.middleware.security.SecurityMiddleware",
        "pyframework.contrib.sessions.middleware.SessionMiddleware",
        "pyframework.middleware.common.CommonMiddleware",
        "pyframework.middleware.csrf.CsrfViewMiddleware",
        "pyframework.contrib.auth.middleware.AuthenticationMiddleware",
        "pyframework.contrib.messages.middleware.MessageMiddleware",
        "pyframework.middleware.clickjacking.XFrameOptionsMiddleware",
    ]
    (engine,) = settings.TEMPLATES
    assert engine["BACKEND"] == "pyframework.template.backends.jinja2.Jinja2"
    assert engine["APP_DIRS"] is True
    assert "pyframework.template.context_processors.request" in engine["OPTIONS"]["context_processors"]
    assert "pyframework.contrib.messages.context_processors.messages" in engine["OPTIONS"]["context_processors"]
    assert engine["DIRS"] == [os.path.join(str(project_dir), "templates")]
    assert settings.STATIC_URL == "/static/"


def test_manage_py_defaults_to_the_project_settings(project_dir):
    text = read(project_dir.join("manage.py"))
    assert '"PYFRAMEWORK_SETTINGS_MODULE", "genproj.settings"' in text
    assert "execute_from_command_line(sys.argv)" in text


def test_gradle_files_of_the_skeleton_are_copied(project_dir):
    skeleton = os.path.join(os.path.dirname(pyframework.__file__), "conf", "project_template")
    for name in os.listdir(skeleton):
        if name.endswith(".gradle"):
            assert project_dir.join(name).check(file=1), name


def test_each_project_gets_its_own_secret_key(tmpdir):
    keys = []
    for name in ("keyproj_one", "keyproj_two"):
        target = tmpdir.mkdir(name)
        call_command("startproject", name, str(target), stdout=io.StringIO())
        keys.append(re.search(r'"(pyframework-insecure-[^"]+)"', read(target.join(name, "settings.py"))).group(1))
    assert keys[0] != keys[1]


def test_project_home_page_says_it_worked(project):
    response = Client().get("/")
    assert response.status_code == 200
    body = response.content.decode("utf-8")
    assert "It worked!" in body
    assert "<title>genproj</title>" in body  # from base.html, through inheritance
    assert 'href="/static/site.css"' in body


def test_the_admin_is_installed_and_routed(project):
    from genproj import settings as generated
    from pyframework.contrib import admin
    from pyframework.contrib.auth.models import Group, User
    from pyframework.urls import resolve, reverse

    assert "pyframework.contrib.admin" in generated.INSTALLED_APPS
    assert 'path("admin/", admin.site.urls)' in read(project.join("genproj", "urls.py"))
    assert reverse("admin:index") == "/admin/" and reverse("admin:login") == "/admin/login/"
    assert resolve("/admin/auth/user/").url_name == "auth_user_changelist"
    # Autodiscovery registered contrib.auth's admins, as in a new Django project.
    assert admin.site.is_registered(User) and admin.site.is_registered(Group)


def test_generated_app_page(project):
    response = Client().get("/genapp/")
    assert response.status_code == 200
    assert "<h1>genapp</h1>" in response.content.decode("utf-8")


def test_generated_app_config(project):
    from pyframework.apps import apps

    config = apps.get_app_config("genapp")
    assert config.__class__.__name__ == "GenappConfig"
    assert config.path == str(project.join("genapp"))


@pytest.mark.parametrize("name, message", [
    ("1project", "is not a valid project name"),
    ("my-site", "is not a valid project name"),
    ("class", "is not a valid project name"),
    ("os", "conflicts with the name of an existing Python module"),
])
def test_invalid_project_names_are_refused(tmpdir, name, message):
    with pytest.raises(CommandError) as info:
        call_command("startproject", name, str(tmpdir), stdout=io.StringIO())
    assert message in str(info.value)
    assert tmpdir.listdir() == []


def test_startapp_refuses_an_existing_directory(tmpdir, monkeypatch):
    monkeypatch.chdir(str(tmpdir))
    tmpdir.mkdir("takenapp")
    with pytest.raises(CommandError) as info:
        call_command("startapp", "takenapp", stdout=io.StringIO())
    assert "already exists" in str(info.value)


def test_destination_directory_must_exist(tmpdir):
    with pytest.raises(CommandError) as info:
        call_command("startproject", "lostproj", str(tmpdir.join("missing")), stdout=io.StringIO())
    assert "does not exist" in str(info.value)
