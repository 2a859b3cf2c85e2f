"""remove_stale_contenttypes on every test database: lists what goes, asks, deletes with the cascade."""
from __future__ import unicode_literals

import pytest

from project_settings_support import installed_apps
from pyframework.contrib.auth.models import Permission
from pyframework.contrib.contenttypes.models import ContentType
from pyframework.core.management import call_command
from pyframework.utils import compat
from pyframework.utils.compat import NativeStringIO

# The admin too: its LogEntry points at ContentType, and once an earlier test module has
# imported it the model registry knows it, so deleting a content type cascades into its table.
APPS = ["pyframework.contrib.contenttypes", "pyframework.contrib.auth", "pyframework.contrib.admin"]


@pytest.fixture
def stale(db):
    with installed_apps(APPS):
        call_command("migrate", verbosity=0)
        ContentType.objects.clear_cache()
        old = ContentType.objects.create(app_label="auth", model="retiredmodel")
        Permission.objects.create(content_type=old, codename="add_retiredmodel", name="Can add retired model")
        ContentType.objects.create(app_label="uninstalledapp", model="thing")
        yield old
        call_command("migrate", "admin", "zero", verbosity=0)
        call_command("migrate", "auth", "zero", verbosity=0)
        ContentType.objects.clear_cache()


def run(answer, monkeypatch, *args, **options):
    prompts = []

    def read_line(prompt):
        prompts.append(prompt)
        return answer

    monkeypatch.setattr(compat, "read_line", read_line)
    out = NativeStringIO()
    call_command("remove_stale_contenttypes", *args, stdout=out, **options)
    return out.getvalue(), prompts


def test_asks_then_keeps_or_deletes(stale, monkeypatch):
    out, prompts = run("no", monkeypatch)
    assert "- Content type for auth.retiredmodel" in out and "- 1 auth.Permission object(s)" in out
    assert "uninstalledapp" not in out and prompts and "Stale content types remain." in out
    assert ContentType.objects.filter(pk=stale.pk).exists()
    out, _ = run("yes", monkeypatch, verbosity=2)
    assert "Deleting stale content type 'auth | retiredmodel'" in out
    assert not ContentType.objects.filter(pk=stale.pk).exists()
    assert not Permission.objects.filter(codename="add_retiredmodel").exists()
    assert Permission.objects.filter(codename="add_user").exists()  # live models untouched
    assert ContentType.objects.filter(app_label="uninstalledapp").exists()
    out, _ = run("yes", monkeypatch, include_stale_apps=False)
    assert "No stale content types." in out


def test_noinput_and_stale_apps(stale, monkeypatch):
    out, prompts = run("never asked", monkeypatch, "--noinput", "--include-stale-apps")
    assert prompts == []
    assert not ContentType.objects.filter(app_label__in=["uninstalledapp"]).exists()
    assert not ContentType.objects.filter(model="retiredmodel").exists()
    assert ContentType.objects.filter(app_label="auth", model="user").exists()
