"""manage.py help grouped by app, shell completion, and the war/apprun Gradle shortcuts."""
from __future__ import unicode_literals

import os

import pytest

from pyframework.core.management import CommandError, ManagementUtility, call_command, get_commands

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMPLETION_SCRIPT = os.path.join(ROOT, "extras", "pyframework_bash_completion")


def help_text(capsys):
    ManagementUtility(["manage.py", "help"]).execute()
    return capsys.readouterr().out


def test_help_lists_the_framework_group_first_then_each_app_by_label(capsys, project):
    out = help_text(capsys)
    groups = [line for line in out.splitlines() if line.startswith("[")]
    # Apps are labelled as Django labels them: the last part of the app's package.
    assert groups[0] == "[pyframework]"
    assert "[auth]" in groups and "[genapp]" in groups
    assert groups[1:] == sorted(groups[1:]) and all("." not in group for group in groups)
    assert "[genapp]\n    greet\n" in out
    for name in ("apprun", "war", "migrate", "runserver"):
        assert "    %s\n" % name in out


def complete(monkeypatch, capsys, words, index):
    monkeypatch.setenv("PYFRAMEWORK_AUTO_COMPLETE", "1")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(index))
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(words.split()[:1]).execute()
    assert exit_info.value.code == 0
    return capsys.readouterr().out.split()


def test_completion_of_subcommand_names(monkeypatch, capsys):
    assert complete(monkeypatch, capsys, "manage.py mi", 1) == ["migrate"]
    assert "war" in complete(monkeypatch, capsys, "manage.py ", 1)


def test_completion_of_a_subcommands_options(monkeypatch, capsys):
    options = complete(monkeypatch, capsys, "manage.py runserver --no", 2)
    assert options == ["--noreload", "--nostatic", "--nothreading"]
    # An option already on the line is not offered again.
    assert "--port" not in complete(monkeypatch, capsys, "manage.py apprun --port 9 --", 4)


def test_completion_script_calls_the_command_line():
    with open(COMPLETION_SCRIPT) as handle:
        text = handle.read()
    assert "PYFRAMEWORK_AUTO_COMPLETE=1" in text
    assert "complete -F _pyframework_completion -o default manage.py pyframework" in text


def test_war_and_apprun_are_builtin_commands():
    commands = get_commands()
    assert commands["war"] == commands["apprun"] == "pyframework.core"


def test_war_without_a_gradle_build_names_the_option(tmpdir):
    with pytest.raises(CommandError) as error:
        call_command("war", project_dir=str(tmpdir))
    assert "has no build.gradle" in str(error.value) and "--project-dir" in str(error.value)


def test_war_without_gradle_says_how_to_install_it(tmpdir, monkeypatch):
    tmpdir.join("build.gradle").write("plugins { id 'war' }\n")
    monkeypatch.setenv("PATH", str(tmpdir.mkdir("empty-bin")))
    with pytest.raises(CommandError) as error:
        call_command("war", project_dir=str(tmpdir))
    assert "apt-get install gradle" in str(error.value)


def test_apprun_refuses_an_impossible_port(tmpdir):
    tmpdir.join("build.gradle").write("plugins { id 'war' }\n")
    with pytest.raises(CommandError) as error:
        call_command("apprun", project_dir=str(tmpdir), port=70000)
    assert "--port" in str(error.value)
