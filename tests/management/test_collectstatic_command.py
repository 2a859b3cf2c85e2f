"""collectstatic copies what the static finders see, first match winning."""
from __future__ import unicode_literals

import io
import os

import pytest

import pyframework
from pyframework.core.management import CommandError, call_command
from pyframework.test.utils import override_settings

# The generated project has the admin installed: its CSS, scripts and icons are collected too.
ADMIN_STATIC_FILES = sum(len(files) for _root, _dirs, files in os.walk(
    os.path.join(os.path.dirname(os.path.abspath(pyframework.__file__)), "contrib", "admin", "static")))


def collect(**options):
    out = io.StringIO()
    call_command("collectstatic", stdout=out, **options)
    return out.getvalue()


def test_collects_project_and_app_files(project, tmpdir):
    output = tmpdir.join("collected")
    total = 2 + ADMIN_STATIC_FILES
    assert collect(output=str(output)).startswith("%d static files copied to " % total)
    assert output.join("site.css").read() == project.join("static", "site.css").read()
    assert output.join("genapp", "genapp.css").check(file=1)
    assert output.join("admin", "css", "base.css").check(file=1)
    # Nothing changed: nothing copied again.
    assert "0 static files copied" in collect(output=str(output))
    assert "%d unmodified" % total in collect(output=str(output))


def test_clear_dry_run_and_ignore(project, tmpdir):
    output = tmpdir.join("collected")
    output.ensure("stale.txt")
    dry_run = collect(output=str(output), dry_run=True, ignore_patterns=["genapp*", "admin*"])
    assert "1 static file would be copied" in dry_run
    assert not output.join("site.css").check()
    collect(output=str(output), clear=True, ignore_patterns=["site.*"])
    assert not output.join("stale.txt").check()
    assert not output.join("site.css").check()
    assert output.join("genapp", "genapp.css").check(file=1)


def test_defaults_to_static_root(project, tmpdir):
    with override_settings(STATIC_ROOT=str(tmpdir.join("root"))):
        collect()
    assert tmpdir.join("root", "site.css").check(file=1)


def test_needs_somewhere_to_collect(project):
    with override_settings(STATIC_ROOT=None):
        with pytest.raises(CommandError) as info:
            collect()
    assert "Set the STATIC_ROOT setting or pass --output DIR" in str(info.value)
