"""call_command, the command registry, ManagementUtility and the real command line."""
from __future__ import unicode_literals

import io
import os
import subprocess
import sys

import pytest

import pyframework
from pyframework.core.management import (
    CommandError, ManagementUtility, call_command, get_commands, load_command_class,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILTIN = ["check", "collectstatic", "runserver", "shell", "startapp", "startproject", "version"]


def test_builtin_commands_are_found():
    commands = get_commands()
    for name in BUILTIN:
        assert commands[name] == "pyframework.core"


def test_app_commands_are_discovered(project):
    assert get_commands()["greet"] == "genapp"
    assert call_command("greet", "world", stdout=io.StringIO()) == "hello world"


def test_call_command_rejects_unknown_options_and_commands():
    with pytest.raises(TypeError) as info:
        call_command("check", colour="blue")
    assert "Unknown option(s) for check command: colour" in str(info.value)
    with pytest.raises(CommandError) as info:
        call_command("no_such_command")
    assert "Unknown command" in str(info.value)


def test_call_command_parses_positional_arguments_like_the_command_line():
    with pytest.raises(CommandError) as info:
        call_command("startproject", "validname_xyz", "--bogus")
    assert "unrecognized arguments: --bogus" in str(info.value)


def test_call_command_accepts_a_command_instance():
    command = load_command_class("pyframework.core", "version")
    out = io.StringIO()
    assert call_command(command, stdout=out) == pyframework.get_version()
    assert out.getvalue() == pyframework.get_version() + "\n"


def test_shell_runs_a_command_with_settings(capsys):
    call_command("shell", command="print(settings.SECRET_KEY)")
    assert capsys.readouterr().out.strip() == "tests-only-secret-key"


def test_utility_help_lists_commands(capsys):
    ManagementUtility(["pyframework", "help"]).execute()
    out = capsys.readouterr().out
    assert "[pyframework]" in out
    for name in BUILTIN:
        assert "    %s\n" % name in out


def test_utility_version(capsys):
    ManagementUtility(["pyframework", "--version"]).execute()
    assert capsys.readouterr().out == pyframework.get_version() + "\n"


def test_utility_unknown_command_exits_1(capsys):
    with pytest.raises(SystemExit) as info:
        ManagementUtility(["pyframework", "frobnicate"]).execute()
    assert info.value.code == 1
    assert "Unknown command: 'frobnicate'" in capsys.readouterr().err


def test_utility_reports_command_errors_and_exit_status(capsys, tmpdir):
    with pytest.raises(SystemExit) as info:
        ManagementUtility(["manage.py", "startproject", "os", str(tmpdir)]).execute()
    assert info.value.code == 1
    assert "CommandError: 'os' conflicts with the name of an existing Python module" in \
        capsys.readouterr().err


def run(args, cwd, **env):
    environ = dict(os.environ, PYTHONPATH=ROOT, **env)
    environ.pop("PYFRAMEWORK_SETTINGS_MODULE", None)
    process = subprocess.Popen([sys.executable] + args, cwd=str(cwd), env=environ,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate()
    return process.returncode, out.decode("utf-8"), err.decode("utf-8")


@pytest.mark.cpython_only(reason="starts Python subprocesses")
def test_python_dash_m_startproject_then_manage_py_check(tmpdir):
    status, out, err = run(["-m", "pyframework", "startproject", "cliproj"], tmpdir)
    assert status == 0, err
    assert "Created project 'cliproj'" in out
    project = tmpdir.join("cliproj")
    status, out, err = run(["manage.py", "check"], project)
    assert (status, out.strip(), err) == (0, "System check identified no issues.", "")
    # Break a setting the way a user would: an unimportable middleware.
    settings_file = project.join("cliproj", "settings.py")
    settings_file.write(settings_file.read() + '\nMIDDLEWARE = MIDDLEWARE + ["cliproj.nope.Middleware"]\n')
    status, out, err = run(["manage.py", "check"], project)
    assert status == 1
    assert "MIDDLEWARE entry 'cliproj.nope.Middleware' is unusable" in err


@pytest.mark.cpython_only(reason="starts Python subprocesses")
def test_manage_py_settings_option_and_app_command(project_dir):
    status, out, err = run(["manage.py", "greet", "you", "--settings", "genproj.settings"], project_dir)
    # genapp is not in the generated INSTALLED_APPS, so its command is unknown there.
    assert status == 1 and "Unknown command: 'greet'" in err
    status, out, err = run(["manage.py", "version", "--settings", "genproj.settings"], project_dir)
    assert (status, out) == (0, pyframework.get_version() + "\n")


@pytest.mark.cpython_only(reason="starts Python subprocesses")
def test_missing_settings_module_is_a_clear_error(tmpdir):
    status, out, err = run(["-m", "pyframework", "check", "--settings", "nowhere_xyz.settings"], tmpdir)
    assert status == 1
    assert err.strip() == ("ImproperlyConfigured: Cannot import settings module 'nowhere_xyz.settings' "
                           "(No module named 'nowhere_xyz'). Check PYFRAMEWORK_SETTINGS_MODULE and sys.path.")
    assert "Traceback" not in err
