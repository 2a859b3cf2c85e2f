"""The base class of every management command, and the error commands raise.

A command is a module ``<app>.management.commands.<name>`` defining a
``Command`` class that subclasses :class:`BaseCommand`: it declares its
arguments in ``add_arguments`` (argparse) and does its work in ``handle``.
"""
from __future__ import absolute_import, unicode_literals

import argparse
import os
import sys

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.utils.compat import PY2, text_type


class CommandError(Exception):
    """A command failed in a way the user can fix: printed without a traceback.

    ``returncode`` is the process exit status when run from the command line.
    """

    def __init__(self, *args, **kwargs):
        self.returncode = kwargs.pop("returncode", 1)
        super(CommandError, self).__init__(*args, **kwargs)


class SystemCheckError(CommandError):
    """The system checks found errors; the message lists them."""


class CommandParser(argparse.ArgumentParser):
    """An argument parser that raises CommandError instead of exiting when called from code."""

    def __init__(self, **kwargs):
        self.called_from_command_line = kwargs.pop("called_from_command_line", False)
        # Shown instead of argparse's own message when no positional argument is given.
        self.missing_args_message = kwargs.pop("missing_args_message", None)
        super(CommandParser, self).__init__(**kwargs)

    def parse_args(self, args=None, namespace=None):
        if self.missing_args_message and not args:
            self.error(self.missing_args_message)
        return super(CommandParser, self).parse_args(args, namespace)

    def error(self, message):
        if self.called_from_command_line:
            super(CommandParser, self).error(message)
        raise CommandError("Error: %s" % message)


class OutputWrapper(object):
    """A stream that writes text, adding the line ending commands usually forget."""

    def __init__(self, out, ending="\n"):
        self._out = out
        self.ending = ending

    def write(self, msg="", ending=None):
        ending = self.ending if ending is None else ending
        if ending and not msg.endswith(ending):
            msg += ending
        if PY2 and isinstance(msg, text_type) and not hasattr(self._out, "getvalue"):
            # A Python 2 console stream wants bytes; StringIO buffers take text as is.
            msg = msg.encode(getattr(self._out, "encoding", None) or "utf-8", "replace")
        self._out.write(msg)

    def flush(self):
        if hasattr(self._out, "flush"):
            self._out.flush()

    def __getattr__(self, name):
        return getattr(self._out, name)


def handle_default_options(options):
    """Apply ``--settings`` and ``--pythonpath`` before anything reads settings."""
    if getattr(options, "settings", None):
        os.environ[str("PYFRAMEWORK_SETTINGS_MODULE")] = str(options.settings)
    if getattr(options, "pythonpath", None):
        sys.path.insert(0, options.pythonpath)


class BaseCommand(object):
    """Subclass this and implement ``handle(*args, **options)``.

    ``requires_system_checks``: ``True`` (all checks), a list of check tags, or
    ``[]`` to run none before ``handle``.
    """

    help = ""
    # The error shown when the command is run without its positional arguments.
    missing_args_message = None
    requires_system_checks = True
    # Options every command accepts; call_command() fills them with defaults too.
    base_stealth_options = ("stdout", "stderr", "skip_checks")
    stealth_options = ()

    def __init__(self, stdout=None, stderr=None):
        self.stdout = OutputWrapper(stdout or sys.stdout)
        self.stderr = OutputWrapper(stderr or sys.stderr)

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("missing_args_message", self.missing_args_message)
        parser = CommandParser(
            prog="%s %s" % (os.path.basename(prog_name), subcommand),
            description=self.help or None,
            **kwargs
        )
        parser.add_argument("-v", "--verbosity", type=int, default=1, choices=[0, 1, 2, 3],
                            help="Verbosity level; 0=minimal output, 1=normal output, 2=verbose output.")
        parser.add_argument("--settings",
                            help="Settings module as a dotted path, e.g. 'mysite.settings'. "
                                 "Overrides the PYFRAMEWORK_SETTINGS_MODULE environment variable.")
        parser.add_argument("--pythonpath", help="A directory to add to the Python path, e.g. '/home/me/mysite'.")
        parser.add_argument("--traceback", action="store_true", help="Show the full traceback on CommandError.")
        if self.requires_system_checks:
            parser.add_argument("--skip-checks", action="store_true", help="Skip the system checks.")
        self.add_arguments(parser)
        return parser

    def add_arguments(self, parser):
        """Declare the command's own arguments on ``parser`` (argparse)."""

    def print_help(self, prog_name, subcommand):
        self.create_parser(prog_name, subcommand).print_help()

    def run_from_argv(self, argv):
        """Run from ``[prog, subcommand, args...]``; CommandError becomes a message and an exit status."""
        parser = self.create_parser(argv[0], argv[1], called_from_command_line=True)
        options = parser.parse_args(argv[2:])
        cmd_options = vars(options)
        args = cmd_options.pop("args", ())
        handle_default_options(options)
        try:
            self.execute(*args, **cmd_options)
        except (CommandError, ImproperlyConfigured) as exc:
            # Mistakes the user can fix: the message says what, a traceback would bury it.
            if options.traceback:
                raise
            self.stderr.write("%s: %s" % (exc.__class__.__name__, exc))
            sys.exit(getattr(exc, "returncode", 1))

    def execute(self, *args, **options):
        """Run system checks if required, then ``handle``; write what it returns."""
        if options.get("stdout"):
            self.stdout = OutputWrapper(options["stdout"])
        if options.get("stderr"):
            self.stderr = OutputWrapper(options["stderr"])
        if self.requires_system_checks and not options.get("skip_checks"):
            tags = None if self.requires_system_checks is True else self.requires_system_checks
            self.check(tags=tags)
        output = self.handle(*args, **options)
        if output:
            self.stdout.write(output)
        return output

    def check(self, tags=None, display_num_errors=False, fail_level=None, include_deployment_checks=False):
        """Run the system checks; raise SystemCheckError if any is at or above ``fail_level``."""
        from pyframework.core import checks

        if fail_level is None:
            fail_level = checks.ERROR
        messages = checks.run_checks(tags=tags, include_deployment_checks=include_deployment_checks)
        report = checks.format_messages(messages)
        summary = checks.count_summary(messages)
        if any(m.level >= fail_level and not m.is_silenced() for m in messages):
            raise SystemCheckError("System check identified some issues:\n\n%s\n\n%s" % (report, summary))
        if report:
            self.stderr.write("System check identified some issues:\n\n%s" % report)
        if display_num_errors:
            self.stdout.write(summary)

    def handle(self, *args, **options):
        raise NotImplementedError("Subclasses of BaseCommand must implement handle().")


class LabelCommand(BaseCommand):
    """A command taking one or more labels (``manage.py cmd a b``): ``handle_label(label,
    **options)`` is called for each and the outputs it returns are joined by new lines."""

    label = "label"
    missing_args_message = "Enter at least one %s."

    def __init__(self, *args, **kwargs):
        super(LabelCommand, self).__init__(*args, **kwargs)
        if self.missing_args_message == LabelCommand.missing_args_message:
            self.missing_args_message = self.missing_args_message % self.label

    def add_arguments(self, parser):
        parser.add_argument("args", metavar=self.label, nargs="+")

    def handle(self, *labels, **options):
        output = []
        for label in labels:
            label_output = self.handle_label(label, **options)
            if label_output:
                output.append(label_output)
        return "\n".join(output)

    def handle_label(self, label, **options):
        raise NotImplementedError("subclasses of LabelCommand must provide a handle_label() method")
