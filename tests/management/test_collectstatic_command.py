"""collectstatic copies what the static finders see, first match winning."""
from __future__ import unicode_literals

import io

import pytest

from pyframework.core.management import CommandError, call_command
from pyframework.test.utils import override_settings


def collect(**options):
    out = io.StringIO()
    call_command("collectstatic", stdout=out, **options)
    return out.getvalue()


def test_collects_project_and_app_files(project, tmpdir):
    output = tmpdir.join("collected")
    assert collect(output=str(output)).startswith("2 static files copied to ")
    assert output.join("site.css").read() == project.join("static", "site.css").read()
    assert output.join("genapp", "genapp.css").check(file=1)
    # Nothing changed: nothing copied again.
    assert "0 static files copied" in collect(output=str(output))
    assert "2 unmodified" in collect(output=str(output))


def test_clear_dry_run_and_ignore(project, tmpdir):
    output = tmpdir.join("collected")
    output.ensure("stale.txt")
    assert "1 static file would be copied" in collect(output=str(output), dry_run=True, ignore_patterns=["genapp*"])
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
