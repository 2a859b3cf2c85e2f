"""createsuperuser and changepassword, from options, the environment and (simulated) prompts."""
from __future__ import unicode_literals

import io

import pytest

from auth_views_support import auth_site
from pyframework.contrib.auth.management.commands import _prompts
from pyframework.contrib.auth.models import User
from pyframework.core.management import call_command
from pyframework.core.management.base import CommandError



@pytest.fixture
def site(db):
    with auth_site(AUTH_PASSWORD_VALIDATORS=[
            {"NAME": "pyframework.contrib.auth.password_validation.MinimumLengthValidator"}]):
        yield


@pytest.fixture
def terminal(monkeypatch):
    """Scripted answers to the prompts: ``terminal.lines`` and ``terminal.secrets`` are consumed in order."""
    class Terminal(object):
        lines, secrets, prompts = [], [], []

    def read_line(prompt):
        Terminal.prompts.append(prompt)
        return Terminal.lines.pop(0)

    def read_secret(prompt):
        Terminal.prompts.append(prompt)
        return Terminal.secrets.pop(0)

    monkeypatch.setattr(_prompts, "read_line", read_line)
    monkeypatch.setattr(_prompts, "read_secret", read_secret)
    monkeypatch.setattr(_prompts, "stdin_is_a_terminal", lambda: True)
    monkeypatch.setattr(_prompts, "default_username", lambda: "operator")
    return Terminal


def test_createsuperuser_noinput_with_password_from_the_environment(site, monkeypatch):
    monkeypatch.setenv("PYFRAMEWORK_SUPERUSER_PASSWORD", "root-of-all-trees-5")
    out = io.StringIO()
    call_command("createsuperuser", "--noinput", "--username", "admin", "--email", "admin@example.com", stdout=out)
    assert "Superuser created successfully." in out.getvalue()
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff and admin.is_active
    assert admin.email == "admin@example.com"
    assert admin.check_password("root-of-all-trees-5")


def test_createsuperuser_noinput_without_password_gets_an_unusable_one(site, monkeypatch):
    monkeypatch.delenv("PYFRAMEWORK_SUPERUSER_PASSWORD", raising=False)
    call_command("createsuperuser", "--noinput", "--username", "admin", "--email", "a@example.com",
                 stdout=io.StringIO())
    assert not User.objects.get(username="admin").has_usable_password()


@pytest.mark.parametrize("arguments,message", [
    (["--email", "a@example.com"], "--username"),
    (["--username", "admin"], "--email"),
    (["--username", "bad name!", "--email", "a@example.com"], "Error"),
    (["--username", "taken", "--email", "a@example.com"], "already taken"),
])
def test_createsuperuser_noinput_refuses_bad_values(site, monkeypatch, arguments, message):
    monkeypatch.delenv("PYFRAMEWORK_SUPERUSER_EMAIL", raising=False)
    User.objects.create_user("taken")
    with pytest.raises(CommandError) as excinfo:
        call_command("createsuperuser", "--noinput", *arguments)
    assert message in str(excinfo.value)
    assert User.objects.count() == 1


def test_createsuperuser_noinput_checks_the_password_validators(site, monkeypatch):
    monkeypatch.setenv("PYFRAMEWORK_SUPERUSER_PASSWORD", "short")
    with pytest.raises(CommandError) as excinfo:
        call_command("createsuperuser", "--noinput", "--username", "admin", "--email", "a@example.com")
    assert "PYFRAMEWORK_SUPERUSER_PASSWORD" in str(excinfo.value) and "too short" in str(excinfo.value)
    assert not User.objects.exists()


def test_createsuperuser_interactive(site, terminal):
    User.objects.create_user("taken")
    # A taken name, then the suggested default; the e-mail; "n": don't keep the too-short password.
    terminal.lines = ["taken", "", "root@example.com", "n"]
    terminal.secrets = ["one-password", "another-one", "short", "short", "good-password-1", "good-password-1"]
    err = io.StringIO()
    call_command("createsuperuser", stdout=io.StringIO(), stderr=err)
    user = User.objects.get(username="operator")
    assert user.is_superuser and user.email == "root@example.com"
    assert user.check_password("good-password-1")
    assert "already taken" in err.getvalue()
    assert "didn't match" in err.getvalue()
    assert "too short" in err.getvalue()


def test_createsuperuser_without_a_terminal(site, monkeypatch):
    monkeypatch.setattr(_prompts, "stdin_is_a_terminal", lambda: False)
    with pytest.raises(CommandError) as excinfo:
        call_command("createsuperuser")
    assert "--noinput" in str(excinfo.value)


def test_changepassword(site, terminal):
    User.objects.create_user("alice", "alice@example.com", "old-password-1")
    terminal.secrets = ["new-password-22", "new-password-22"]
    out = io.StringIO()
    call_command("changepassword", "alice", stdout=out)
    assert "Password changed successfully for user 'alice'" in out.getvalue()
    assert User.objects.get(username="alice").check_password("new-password-22")


def test_changepassword_gives_up_after_three_attempts(site, terminal):
    User.objects.create_user("alice", "alice@example.com", "old-password-1")
    terminal.secrets = ["a-long-one-1", "a-long-one-2", "short", "short", "b-long-one-1", "b-long-one-2"]
    with pytest.raises(CommandError) as excinfo:
        call_command("changepassword", "alice", stdout=io.StringIO(), stderr=io.StringIO())
    assert "3 attempts" in str(excinfo.value)
    assert User.objects.get(username="alice").check_password("old-password-1")


def test_changepassword_unknown_user(site, terminal):
    with pytest.raises(CommandError) as excinfo:
        call_command("changepassword", "ghost")
    assert "does not exist" in str(excinfo.value)
