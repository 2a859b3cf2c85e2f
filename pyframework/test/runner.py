"""``DiscoverRunner``: what ``manage.py test`` runs (Django's runner, the same options).

It finds the tests (``test*.py`` below the labels, or below the current directory),
sets up the test environment (locmem e-mail, template recording), creates a test
database for each alias the tests use (``--keepdb`` keeps it between runs), runs
the system checks, runs the suite with unittest's text runner and destroys the
databases. ``run_tests()`` returns the number of failed tests (the command exits
with status 1 when it is not 0).
"""
from __future__ import absolute_import, unicode_literals

import fnmatch
import os
import sys
import unittest

from pyframework.core.management import call_command
from pyframework.db import connections
from pyframework.test.testcases import SimpleTestCase, TestCase
from pyframework.test.utils import (
    setup_databases as _setup_databases, setup_test_environment, teardown_databases as _teardown_databases,
    teardown_test_environment,
)


def iter_test_cases(tests):
    """Every TestCase of ``tests`` (a suite, nested or not), in order."""
    for test in tests:
        if isinstance(test, unittest.TestSuite):
            for inner in iter_test_cases(test):
                yield inner
        else:
            yield test


def _test_tags(test):
    tags = set(getattr(test, "tags", set()))
    method = getattr(test, getattr(test, "_testMethodName", ""), None)
    tags.update(getattr(method, "tags", set()))
    return tags


class DiscoverRunner(object):
    """Django's DiscoverRunner: discovery, test databases, checks, unittest's text runner."""

    test_suite = unittest.TestSuite
    test_runner = unittest.TextTestRunner
    test_loader = unittest.defaultTestLoader
    reorder_by = (TestCase, SimpleTestCase)

    def __init__(self, pattern=None, top_level=None, verbosity=1, interactive=True, failfast=False, keepdb=False,
                 reverse=False, debug_mode=False, debug_sql=False, parallel=0, tags=None, exclude_tags=None,
                 test_name_patterns=None, pdb=False, buffer=False, enable_faulthandler=True, timing=False,
                 shuffle=False, logger=None, durations=None, **kwargs):
        self.pattern = pattern
        self.top_level = top_level
        self.verbosity = verbosity
        self.interactive = interactive
        self.failfast = failfast
        self.keepdb = keepdb
        self.reverse = reverse
        self.debug_mode = debug_mode
        self.debug_sql = debug_sql
        self.parallel = parallel
        self.tags = set(tags or [])
        self.exclude_tags = set(exclude_tags or [])
        self.buffer = buffer
        self.test_name_patterns = None
        if test_name_patterns:
            self.test_name_patterns = set(p if "*" in p else "*%s*" % p for p in test_name_patterns)

    @classmethod
    def add_arguments(cls, parser):
        parser.add_argument("-t", "--top-level-directory", dest="top_level",
                            help="Top level of project for unittest discovery.")
        parser.add_argument("-p", "--pattern", default="test*.py",
                            help="The test matching pattern. Defaults to test*.py.")
        parser.add_argument("--keepdb", action="store_true", help="Preserves the test DB between runs.")
        parser.add_argument("-r", "--reverse", action="store_true", help="Reverses test case order.")
        parser.add_argument("--debug-mode", action="store_true", help="Sets settings.DEBUG to True.")
        parser.add_argument("-d", "--debug-sql", action="store_true", help="Prints logged SQL queries on failure.")
        parser.add_argument("--parallel", nargs="?", const=0, default=0, type=int,
                            help="Accepted for compatibility: tests run in one process.")
        parser.add_argument("--tag", action="append", dest="tags",
                            help="Run only tests with the specified tag. Can be used multiple times.")
        parser.add_argument("--exclude-tag", action="append", dest="exclude_tags",
                            help="Do not run tests with the specified tag. Can be used multiple times.")
        parser.add_argument("-k", action="append", dest="test_name_patterns",
                            help="Only run test methods and classes that match the pattern or substring. "
                                 "Can be used multiple times. Same as unittest -k option.")
        parser.add_argument("-b", "--buffer", action="store_true",
                            help="Discard output from passing tests.")

    # -- the steps of run_tests() --------------------------------------------------------

    def setup_test_environment(self, **kwargs):
        setup_test_environment(debug=self.debug_mode)
        unittest.installHandler()

    def load_tests_for_label(self, label, discover_kwargs):
        """The tests a label names: a directory, a file path, or a dotted module/class/method name."""
        if os.path.isdir(label):
            kwargs = dict(discover_kwargs)
            if self.top_level is None and os.path.isfile(os.path.join(label, "__init__.py")):
                kwargs["top_level_dir"] = self._package_top_level(label)
            return self.test_loader.discover(start_dir=label, **kwargs)
        if label.endswith(".py") and os.path.isfile(label):
            directory, file_name = os.path.split(os.path.abspath(label))
            kwargs = dict(discover_kwargs, pattern=file_name)
            return self.test_loader.discover(start_dir=directory, **kwargs)
        tests = self.test_loader.loadTestsFromName(label)
        module = sys.modules.get(label)
        if tests.countTestCases() == 0 and module is not None and hasattr(module, "__path__"):
            # A package: discover below it, importing its modules by their full dotted names.
            start_dir = os.path.dirname(os.path.abspath(module.__file__))
            kwargs = dict(discover_kwargs)
            kwargs.setdefault("top_level_dir", self._package_top_level(start_dir))
            return self.test_loader.discover(start_dir=start_dir, **kwargs)
        return tests

    @staticmethod
    def _package_top_level(directory):
        top = os.path.abspath(directory)
        while os.path.isfile(os.path.join(top, "__init__.py")):
            top = os.path.dirname(top)
        return top

    def build_suite(self, test_labels=None, **kwargs):
        test_labels = list(test_labels or ["."])
        discover_kwargs = {"pattern": self.pattern or "test*.py"}
        if self.top_level is not None:
            discover_kwargs["top_level_dir"] = self.top_level
        tests = []
        for label in test_labels:
            tests.extend(iter_test_cases(self.load_tests_for_label(label, discover_kwargs)))
        for test in tests:
            if _loader_failure(test) is not None and self.verbosity >= 1:
                sys.stderr.write("Could not load %s\n" % test.id())
        if self.tags or self.exclude_tags:
            tests = [test for test in tests if self._tags_match(test)]
        if self.test_name_patterns:
            tests = [test for test in tests if any(fnmatch.fnmatchcase(test.id(), p) for p in self.test_name_patterns)]
        tests = self._reorder(tests)
        return self.test_suite(tests)

    def _tags_match(self, test):
        tags = _test_tags(test)
        if self.tags and not tags & self.tags:
            return False
        return not tags & self.exclude_tags

    def _reorder(self, tests):
        bins = [[] for _ in range(len(self.reorder_by) + 1)]
        for test in tests:
            for index, cls in enumerate(self.reorder_by):
                if isinstance(test, cls):
                    bins[index].append(test)
                    break
            else:
                bins[-1].append(test)
        ordered = [test for group in bins for test in group]
        if self.reverse:
            ordered.reverse()
        return ordered

    def get_databases(self, suite):
        """{alias: needs serialized contents} of the databases the tests of ``suite`` use."""
        databases = {}
        for test in iter_test_cases(suite):
            aliases = getattr(test, "databases", None)
            if not aliases:
                continue
            if aliases == "__all__":
                aliases = list(connections)
            serialized = getattr(test, "serialized_rollback", False)
            for alias in aliases:
                databases[alias] = databases.get(alias, False) or serialized
        ordered = dict((alias, databases[alias]) for alias in connections if alias in databases)
        if self.verbosity >= 2:
            sys.stderr.write("Found %d test(s); databases: %s\n"
                             % (suite.countTestCases(), ", ".join(sorted(ordered)) or "none"))
        return ordered

    def setup_databases(self, **kwargs):
        return _setup_databases(self.verbosity, self.interactive, keepdb=self.keepdb, debug_sql=self.debug_sql,
                                parallel=self.parallel, **kwargs)

    def run_checks(self, databases):
        call_command("check", verbosity=self.verbosity)

    def get_test_runner_kwargs(self):
        return {"failfast": self.failfast, "verbosity": self.verbosity, "buffer": self.buffer}

    def run_suite(self, suite, **kwargs):
        return self.test_runner(**self.get_test_runner_kwargs()).run(suite)

    def teardown_databases(self, old_config, **kwargs):
        _teardown_databases(old_config, verbosity=self.verbosity, parallel=self.parallel, keepdb=self.keepdb)

    def teardown_test_environment(self, **kwargs):
        unittest.removeHandler()
        teardown_test_environment()

    def suite_result(self, suite, result, **kwargs):
        return len(result.failures) + len(result.errors) + len(getattr(result, "unexpectedSuccesses", []))

    def run_tests(self, test_labels, **kwargs):
        """Run the tests of ``test_labels``; return the number of failures (0: success)."""
        self.setup_test_environment()
        suite = self.build_suite(test_labels)
        databases = self.get_databases(suite)
        serialized_aliases = set(alias for alias, serialize in databases.items() if serialize)
        old_config = self.setup_databases(aliases=databases, serialized_aliases=serialized_aliases)
        run_failed = False
        try:
            self.run_checks(databases)
            result = self.run_suite(suite)
        except Exception:
            run_failed = True
            raise
        finally:
            try:
                self.teardown_databases(old_config)
                self.teardown_test_environment()
            except Exception:
                # Don't hide the error of the run behind one of the clean-up.
                if not run_failed:
                    raise
        return self.suite_result(suite, result)


def _loader_failure(test):
    # unittest reports a module that failed to import as a test named unittest.loader._FailedTest.
    return test if type(test).__name__ in ("_FailedTest", "ModuleImportFailure") else None
