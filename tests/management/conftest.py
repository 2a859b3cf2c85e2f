"""A project made by ``startproject`` (with one ``startapp`` app), shared by the management tests."""
from __future__ import unicode_literals

import io
import os
import sys

import pytest

from pyframework.core.management import call_command
from project_settings_support import forget_modules, project_settings

PROJECT = "genproj"
APP = "genapp"

APP_COMMAND = '''from pyframework.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Says hello from the app."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("name")

    def handle(self, *args, **options):
        return "hello %s" % options["name"]
'''

URLS_WITH_APP = '''from pyframework.urls import include, path

urlpatterns = [
    path("", include("genproj.urls")),
    path("genapp/", include("genapp.urls")),
]
'''


def write(path, text):
    with io.open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


@pytest.fixture(scope="session")
def project_dir(tmpdir_factory):
    """``<tmp>/genproj``: manage.py, the genproj package, and genapp with a custom command."""
    base = tmpdir_factory.mktemp("projects")
    directory = base.mkdir(PROJECT)
    out = io.StringIO()
    call_command("startproject", PROJECT, str(directory), stdout=out)
    saved_cwd = os.getcwd()
    os.chdir(str(directory))
    try:
        call_command("startapp", APP, stdout=out)
    finally:
        os.chdir(saved_cwd)
    commands = directory.join(APP).mkdir("management").mkdir("commands")
    write(str(directory.join(APP, "management", "__init__.py")), "")
    write(str(commands.join("__init__.py")), "")
    write(str(commands.join("greet.py")), APP_COMMAND)
    write(str(directory.join(PROJECT, "urls_with_app.py")), URLS_WITH_APP)
    sys.path.insert(0, str(directory))
    yield directory
    sys.path.remove(str(directory))
    forget_modules(PROJECT, APP)


@pytest.fixture
def project(project_dir):
    """The generated project's settings and apps, plus genapp and its URLs (host 'testserver' allowed)."""
    from genproj import settings as generated

    with project_settings(
        "genproj.settings",
        ALLOWED_HOSTS=["testserver"],
        INSTALLED_APPS=generated.INSTALLED_APPS + [APP],
        ROOT_URLCONF="genproj.urls_with_app",
    ):
        yield project_dir
