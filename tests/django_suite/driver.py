"""Run one of Django's test modules (a package of Django's tests/ folder) against pyframework.

Started by run.py, one process per module, with the rewritten copy of Django's tests/ folder
as the working directory and first on ``sys.path``. It does what Django's runtests.py does for
one module label, with pyframework's own machinery:

1. the settings module runtests.py would supply (``django_suite_settings``), with the module
   appended to INSTALLED_APPS, then ``pyframework.setup()``;
2. the test runner named by ``settings.TEST_RUNNER`` (``pyframework.test.utils.get_runner``)
   sets up the test environment and the test databases;
3. every ``test*.py`` file of the module is imported and run, each test's outcome written as
   one JSON line to ``--out`` as soon as it is known (so a module killed at its time limit
   keeps what it finished).

Outcomes: ``pass`` (also an expected failure), ``fail``, ``error``, ``skip``, and
``import`` for every test of a file that could not be imported (counted from its source,
see run.py) or of a module whose app could not be set up.
"""
from __future__ import print_function

import argparse
import importlib
import io
import json
import os
import sys
import time
import traceback
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


class Recorder(object):
    """Appends one JSON object per line to the results file, flushed at once."""

    def __init__(self, path):
        self.stream = io.open(path, "a", encoding="utf-8")

    def write(self, **record):
        self.stream.write(json.dumps(record, sort_keys=True) + "\n")
        self.stream.flush()


def short_reason(err):
    """The last line of the traceback: the exception type and message, bounded in length."""
    text = "".join(traceback.format_exception_only(err[0], err[1])).strip().splitlines()
    line = text[-1] if text else repr(err[1])
    return line[:300]


class RecordingResult(unittest.TestResult):
    """A unittest result that records each outcome as it happens."""

    def __init__(self, recorder):
        super().__init__()
        self.recorder = recorder
        self._failed = set()

    def _record(self, test, outcome, reason=""):
        test_id = test.id()
        if outcome in ("fail", "error"):
            self._failed.add(test_id)
        self.recorder.write(id=test_id, outcome=outcome, reason=reason)

    def addSuccess(self, test):
        super().addSuccess(test)
        if test.id() not in self._failed:  # subTest failures were recorded already
            self._record(test, "pass")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "fail", short_reason(err))

    def addError(self, test, err):
        super().addError(test, err)
        # setUpClass / setUpTestData errors arrive with a _ErrorHolder: every test of the
        # class is then missing, and run.py counts those as errors.
        self._record(test, "error", short_reason(err))

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skip", str(reason)[:300])

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "pass", "expected failure")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "fail", "unexpected success")

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None and test.id() not in self._failed:
            failure = issubclass(err[0], test.failureException)
            self._record(test, "fail" if failure else "error", short_reason(err))


def test_files(module):
    """Dotted names of the module's test files (Django's discovery pattern ``test*.py``)."""
    names = []
    for root, dirs, files in os.walk(module):
        dirs[:] = sorted(d for d in dirs if os.path.exists(os.path.join(root, d, "__init__.py")))
        for filename in sorted(files):
            if filename.startswith("test") and filename.endswith(".py"):
                rel = os.path.relpath(os.path.join(root, filename[:-3]), ".")
                names.append(rel.replace(os.sep, "."))
    return names


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("module")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    recorder = Recorder(args.out)
    sys.path[:0] = [os.getcwd(), HERE]
    os.environ["PYFRAMEWORK_SETTINGS_MODULE"] = "django_suite_settings"
    os.environ["PYFRAMEWORK_DJANGO_SUITE_MODULE"] = args.module
    os.environ.setdefault("RUNNING_DJANGOS_TEST_SUITE", "true")
    files = test_files(args.module)
    started = time.time()
    try:
        import pyframework
        pyframework.setup()
        from pyframework.conf import settings
        runner = _make_runner(settings)
    except Exception:
        reason = short_reason(sys.exc_info())
        for name in files:
            recorder.write(file=name, outcome="import", reason="setup: " + reason)
        recorder.write(outcome="done", seconds=round(time.time() - started, 1))
        return 0
    if runner is not None:
        runner.setup_test_environment()
        old_config = runner.setup_databases()
    try:
        loader = unittest.TestLoader()
        for name in files:
            try:
                module = importlib.import_module(name)
            except BaseException as exc:  # SyntaxError, SystemExit from a module... all count
                if isinstance(exc, KeyboardInterrupt):
                    raise
                recorder.write(file=name, outcome="import", reason=short_reason(sys.exc_info()))
                continue
            recorder.write(file=name, outcome="imported")
            suite = loader.loadTestsFromModule(module)
            recorder.write(file=name, outcome="loaded", ids=sorted(set(_ids(suite))))
            suite.run(RecordingResult(recorder))
    finally:
        if runner is not None:
            runner.teardown_databases(old_config)
            runner.teardown_test_environment()
    recorder.write(outcome="done", seconds=round(time.time() - started, 1))
    return 0


def _ids(suite):
    for test in suite:
        if isinstance(test, unittest.TestSuite):
            for test_id in _ids(test):
                yield test_id
        else:
            yield test.id()


def _make_runner(settings):
    """The project's test runner (DiscoverRunner-shaped), or None while pyframework.test has none:
    then no test database is set up and the tests that need one fail."""
    try:
        from pyframework.test.utils import get_runner
    except ImportError:
        return None
    runner_class = get_runner(settings)
    return runner_class(verbosity=0, interactive=False)


if __name__ == "__main__":
    sys.exit(main())
