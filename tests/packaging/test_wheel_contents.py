"""The wheel carries the whole framework: every module and every data file under pyframework/.

A data file left out of the package data (an app's templates, static files, catalogs) is
invisible in a checkout and in `pip install -e`, and breaks only the users who install the
wheel: this builds the real wheel with pip and compares it with the source tree.
"""
from __future__ import unicode_literals

import glob
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def source_files():
    found = set()
    for folder, subfolders, files in os.walk(os.path.join(ROOT, "pyframework")):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in files:
            if name.endswith((".pyc", "$py.class")):
                continue
            found.add(os.path.relpath(os.path.join(folder, name), ROOT).replace(os.sep, "/"))
    return found


@pytest.mark.cpython_only("builds the wheel with pip in a subprocess")
def test_wheel_holds_every_file_of_the_source_tree(tmpdir):
    # Built from a copy without the checkout's pyframework.egg-info: setuptools adds the files
    # listed in an existing SOURCES.txt, which would hide a gap in the package data.
    source = str(tmpdir.join("source"))
    shutil.copytree(os.path.join(ROOT, "pyframework"), os.path.join(source, "pyframework"),
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*$py.class"))
    shutil.copy(os.path.join(ROOT, "pyproject.toml"), source)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
               "-w", str(tmpdir), source]
    subprocess.check_call(command, cwd=str(tmpdir))
    wheel, = glob.glob(os.path.join(str(tmpdir), "pyframework-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        packed = set(name for name in archive.namelist() if name.startswith("pyframework/"))
    expected = source_files()
    assert sorted(expected - packed) == []
    assert "pyframework/contrib/admin/templates/admin/change_form.html" in packed
    assert "pyframework/contrib/auth/common-passwords.txt.gz" in packed
