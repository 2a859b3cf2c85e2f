"""runserver's argument handling and the stat-polling reloader (without serving)."""
from __future__ import unicode_literals

import os
import sys

import pytest

from pyframework.core.management import CommandError
from pyframework.core.management.commands.runserver import parse_addrport
from pyframework.utils import autoreload


@pytest.mark.parametrize("addrport, expected", [
    (None, ("127.0.0.1", 8000, False)),
    ("8080", ("127.0.0.1", 8080, False)),
    ("0.0.0.0:9000", ("0.0.0.0", 9000, False)),
    ("localhost:7000", ("localhost", 7000, False)),
    ("[::1]:8001", ("::1", 8001, True)),
])
def test_parse_addrport(addrport, expected):
    assert parse_addrport(addrport) == expected


@pytest.mark.parametrize("addrport", ["abc", "1.2.3.4:", "99999", "host:0", ":80"])
def test_parse_addrport_rejects_garbage(addrport):
    with pytest.raises(CommandError):
        parse_addrport(addrport)


@pytest.mark.parametrize("path, source", [
    ("/a/b/mod.py", "/a/b/mod.py"),
    ("/a/b/mod.pyc", "/a/b/mod.py"),
    ("/a/b/mod$py.class", "/a/b/mod.py"),
])
def test_source_file(path, source):
    assert autoreload.source_file(path) == source


def test_loaded_modules_are_watched():
    assert autoreload.source_file(os.path.abspath(autoreload.__file__)) in autoreload.watched_files()


def test_reloader_reports_a_changed_file(tmpdir):
    watched = tmpdir.join("settings_like.py")
    watched.write("X = 1\n")
    reloader = autoreload.StatReloader()
    reloader.started += 100  # the file predates the process
    reloader.watch_file(str(watched))
    assert reloader.changed_file() is None  # first look: nothing to compare with
    assert reloader.changed_file() is None
    stat = os.stat(str(watched))
    os.utime(str(watched), (stat.st_atime, stat.st_mtime - 10))
    assert reloader.changed_file() == str(watched)
    assert reloader.changed_file() is None


def test_reloader_notices_a_file_edited_before_its_first_import(tmpdir):
    reloader = autoreload.StatReloader()
    reloader.started -= 100  # the process started a while ago
    reloader.changed_file()
    late = tmpdir.join("imported_late.py")
    late.write("X = 2\n")  # edited while running, seen for the first time now
    reloader.watch_file(str(late))
    assert reloader.changed_file() == str(late)


def test_reloader_loop_stops_on_request():
    assert autoreload.StatReloader().run_loop(should_stop=lambda: True) is None


def test_child_arguments_restart_the_same_program(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["manage.py", "runserver", "8001"])
    arguments = autoreload.child_arguments()
    assert arguments[0] == sys.executable
    assert arguments[-2:] == ["runserver", "8001"]
