"""The conformance runner's own logic: the rewrite, counting tests in source, expected lists."""
from __future__ import unicode_literals

import io
import os

import pytest

pytestmark = pytest.mark.cpython_only



@pytest.fixture
def runner():
    import importlib
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    if here not in sys.path:
        sys.path.insert(0, here)
    return importlib.import_module("run")


def test_rewrite_touches_imports_and_dotted_names_only(runner):
    source = (
        "import django\n"
        "from django.db import models\n"
        "    from django import forms\n"
        "import django.contrib.auth\n"
        "ENGINE = 'django.db.backends.sqlite3'\n"
        "django.setup()\n"
        "name = 'django'  # the word alone stays\n"
        "table = 'django_site'\n"
        "mydjango.x = 1\n"
    )
    assert runner.rewrite(source) == (
        "import pyframework\n"
        "from pyframework.db import models\n"
        "    from pyframework import forms\n"
        "import pyframework.contrib.auth\n"
        "ENGINE = 'pyframework.db.backends.sqlite3'\n"
        "pyframework.setup()\n"
        "name = 'django'  # the word alone stays\n"
        "table = 'django_site'\n"
        "mydjango.x = 1\n"
    )


def test_static_test_ids_follow_the_files_own_bases(runner, tmpdir):
    path = os.path.join(str(tmpdir), "tests.py")
    with io.open(path, "w", encoding="utf-8") as handle:
        handle.write(
            "from pyframework.test import TestCase\n"
            "class Mixin:\n"
            "    def test_shared(self): pass\n"
            "    def helper(self): pass\n"
            "class FirstTests(Mixin, TestCase):\n"
            "    def test_one(self): pass\n"
            "class Helper:\n"
            "    def test_not_a_test_class(self): pass\n"
            "class SecondTests(FirstTests):\n"
            "    def test_two(self): pass\n"
        )
    assert runner.static_test_ids(path, "app.tests") == [
        "app.tests.FirstTests.test_one", "app.tests.FirstTests.test_shared",
        "app.tests.SecondTests.test_one", "app.tests.SecondTests.test_shared",
        "app.tests.SecondTests.test_two",
    ]


def test_expected_lists_round_trip_and_find_regressions(runner, tmpdir, monkeypatch):
    monkeypatch.setattr(runner, "EXPECTED_DIR", str(tmpdir))
    result = {"module": "app", "files": {"app.tests": ("imported", ""), "app.test_broken": ("import", "x")},
              "tests": {"app.tests.A.test_ok": ("pass", ""), "app.tests.A.test_bad": ("fail", "boom"),
                        "app.tests.A.test_skipped": ("skip", "why"),
                        "app.test_broken.B.test_x": ("import", "x")}}
    runner.write_expected(result)
    with io.open(os.path.join(str(tmpdir), "app.txt"), encoding="utf-8") as handle:
        lines = [line.strip() for line in handle if not line.startswith("#")]
    assert lines == ["app.test_broken.*", "app.tests.A.test_bad"]
    assert runner.regressions_of(result) == ([], [])
    result["tests"]["app.tests.A.test_ok"] = ("error", "new bug")
    result["tests"]["app.tests.A.test_bad"] = ("pass", "")
    result["tests"]["app.test_broken.B.test_x"] = ("fail", "imports now, still fails")
    assert runner.regressions_of(result) == ([("app.tests.A.test_ok", "error", "new bug")],
                                             ["app.tests.A.test_bad"])
    assert runner.tally(result["tests"]) == {"pass": 1, "fail": 1, "error": 1, "import": 0, "skip": 1, "total": 3}
