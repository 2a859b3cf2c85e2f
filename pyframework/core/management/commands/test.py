"""``test``: discover and run the project's tests with TEST_RUNNER (DiscoverRunner by default)."""
from __future__ import absolute_import, unicode_literals

import sys

from pyframework.conf import settings
from pyframework.core.management.base import BaseCommand


def _command_line_option(argv, option):
    """The value of ``--option value`` / ``--option=value`` in argv, read before parsing."""
    for index, arg in enumerate(argv):
        if arg == option and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith(option + "="):
            return arg.split("=", 1)[1]
    return None


class Command(BaseCommand):
    help = "Discover and run tests in the specified modules or the current directory."
    requires_system_checks = []
    test_runner = None

    def run_from_argv(self, argv):
        # The runner adds its own options: find it before the parser is built.
        self.test_runner = _command_line_option(argv, "--testrunner")
        super(Command, self).run_from_argv(argv)

    def add_arguments(self, parser):
        from pyframework.test.utils import get_runner

        parser.add_argument("args", metavar="test_label", nargs="*",
                            help="Module paths to test; can be modulename, modulename.TestCase or "
                                 "modulename.TestCase.test_method")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="Tells the command NOT to prompt the user for input of any kind.")
        parser.add_argument("--failfast", action="store_true", help="Tells the test runner to stop after the "
                                                                    "first failed test.")
        parser.add_argument("--testrunner", help="Tells the command to use the specified test runner class "
                                                 "instead of the one specified by the TEST_RUNNER setting.")
        test_runner_class = get_runner(settings, self.test_runner)
        if hasattr(test_runner_class, "add_arguments"):
            test_runner_class.add_arguments(parser)

    def handle(self, *test_labels, **options):
        from pyframework.test.utils import get_runner

        test_runner_class = get_runner(settings, options["testrunner"])
        for name in ("stdout", "stderr", "skip_checks", "settings", "pythonpath", "traceback", "testrunner"):
            options.pop(name, None)
        test_runner = test_runner_class(**options)
        failures = test_runner.run_tests(test_labels)
        if failures:
            sys.exit(1)
