"""The ``pyframework`` / ``manage.py`` command line.

Commands live in ``pyframework/core/management/commands/`` and in each
installed app's ``management/commands/`` package; an app's command overrides
a built-in one of the same name.
"""
from __future__ import absolute_import, unicode_literals

import importlib
import os
import pkgutil
import sys

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.management.base import (  # noqa: F401
    BaseCommand, CommandError, CommandParser, handle_default_options,
)

BUILTIN_COMMANDS_PACKAGE = "pyframework.core"
# Resolved at import: __file__ may be relative to a working directory that changes later.
MANAGEMENT_DIR = os.path.dirname(os.path.abspath(__file__))


def find_commands(management_dir):
    """Names of the command modules in ``<management_dir>/commands``."""
    command_dir = os.path.join(management_dir, "commands")
    return sorted(name for _, name, is_pkg in pkgutil.iter_modules([command_dir])
                  if not is_pkg and not name.startswith("_"))


def get_commands():
    """Map every available command name to the package it comes from."""
    commands = dict((name, BUILTIN_COMMANDS_PACKAGE)
                    for name in find_commands(MANAGEMENT_DIR))
    from pyframework.apps import apps

    if apps.ready:
        for config in reversed(apps.get_app_configs()):
            for name in find_commands(os.path.join(config.path, "management")):
                commands[name] = config.name
    return commands


def load_command_class(package, name):
    module = importlib.import_module("%s.management.commands.%s" % (package, name))
    return module.Command()


def _command_for(name):
    try:
        package = get_commands()[name]
    except KeyError:
        raise CommandError("Unknown command: '%s'. Type 'pyframework help' for the list of commands." % name)
    return load_command_class(package, name)


def call_command(command_name, *args, **options):
    """Run a command from Python code, as ``manage.py command_name args --options`` would.

    ``command_name`` may also be a BaseCommand instance. Options are given by their
    destination names (``call_command("check", fail_level="WARNING")``); positional
    arguments are parsed as on the command line.
    """
    if isinstance(command_name, BaseCommand):
        command, command_name = command_name, command_name.__class__.__module__.rpartition(".")[2]
    else:
        command = _command_for(command_name)
    parser = command.create_parser("", command_name)
    valid_names = set(action.dest for action in parser._actions)
    valid_names.update(command.base_stealth_options + command.stealth_options)
    unknown = sorted(set(options) - valid_names)
    if unknown:
        raise TypeError("Unknown option(s) for %s command: %s. Valid options are: %s."
                        % (command_name, ", ".join(unknown), ", ".join(sorted(valid_names))))
    parsed = vars(parser.parse_args(["%s" % (arg,) for arg in args]))
    positional = parsed.pop("args", ())
    parsed.update(options)
    if "skip_checks" not in options:
        parsed["skip_checks"] = True
    return command.execute(*positional, **parsed)


class ManagementUtility(object):
    """Parse ``argv``, find the subcommand and run it."""

    def __init__(self, argv=None):
        self.argv = list(argv if argv is not None else sys.argv)
        self.settings_exception = None
        self.prog_name = os.path.basename(self.argv[0]) if self.argv else "pyframework"
        if self.prog_name == "__main__.py":
            self.prog_name = "python -m pyframework"

    def main_help_text(self):
        lines = [
            "Type '%s help <subcommand>' for help on a specific subcommand." % self.prog_name,
            "",
            "Available subcommands:",
        ]
        by_package = {}
        for name, package in get_commands().items():
            by_package.setdefault(package, []).append(name)
        # Grouped as Django groups them: [pyframework] first, then each app by its last name part.
        labels = dict((package, "pyframework" if package == BUILTIN_COMMANDS_PACKAGE else package.rpartition(".")[2])
                      for package in by_package)
        for package in sorted(by_package, key=lambda package: (package != BUILTIN_COMMANDS_PACKAGE, labels[package])):
            lines.append("")
            lines.append("[%s]" % labels[package])
            lines.extend("    %s" % name for name in sorted(by_package[package]))
        if self.settings_exception is not None:
            lines.extend(["", "Note that only pyframework's own commands are listed because the settings "
                              "are not loaded: %s" % self.settings_exception])
        return "\n".join(lines)

    def autocomplete(self):
        """Answer the shell completion script (extras/pyframework_bash_completion), then exit.

        Active only when PYFRAMEWORK_AUTO_COMPLETE is set; COMP_WORDS and COMP_CWORD are the
        words and the cursor's word index, as bash passes them. Prints the subcommands or the
        subcommand's options that start with the word being completed.
        """
        if "PYFRAMEWORK_AUTO_COMPLETE" not in os.environ:
            return
        words = os.environ.get("COMP_WORDS", "").split()[1:]
        try:
            index = int(os.environ.get("COMP_CWORD", "1"))
        except ValueError:
            index = 1
        current = words[index - 1] if 0 < index <= len(words) else ""
        commands = sorted(list(get_commands()) + ["help"])
        if index <= 1:
            choices = commands
        elif words[0] in commands and words[0] != "help":
            parser = _command_for(words[0]).create_parser("", words[0])
            used = set(words[1:index - 1])
            choices = sorted(option for action in parser._actions for option in action.option_strings
                             if option.startswith("--") and option not in used)
        elif words[0] == "help" and index == 2:
            choices = commands
        else:
            choices = []
        sys.stdout.write(" ".join(choice for choice in choices if choice.startswith(current)) + "\n")
        sys.exit(0)

    def _load_settings(self):
        """Load settings and apps when a settings module is known, so app commands exist.

        startproject/startapp work without settings, so a missing module is not an
        error here; a module that exists but is broken is reported when a command
        actually needs it.
        """
        from pyframework.conf import settings

        try:
            settings.INSTALLED_APPS
        except ImproperlyConfigured as exc:
            self.settings_exception = exc
            return
        import pyframework

        pyframework.setup()

    def execute(self):
        subcommand = self.argv[1] if len(self.argv) > 1 else "help"
        # Apply --settings/--pythonpath early: they decide which commands exist.
        parser = CommandParser(prog=self.prog_name, add_help=False)
        parser.add_argument("--settings")
        parser.add_argument("--pythonpath")
        parser.add_argument("args", nargs="*")
        try:
            options, _ = parser.parse_known_args(self.argv[2:])
            handle_default_options(options)
        except CommandError:
            pass  # the command's own parser reports bad options
        self.settings_exception = None
        if subcommand not in ("startproject", "startapp", "version", "--version"):
            self._load_settings()
        self.autocomplete()

        if subcommand in ("--version", "version"):
            import pyframework

            sys.stdout.write(pyframework.get_version() + "\n")
        elif subcommand in ("help", "--help", "-h"):
            topics = self.argv[2:] if subcommand == "help" else []
            if topics:
                self.fetch_command(topics[0]).print_help(self.prog_name, topics[0])
            else:
                sys.stdout.write(self.main_help_text() + "\n")
        else:
            self.fetch_command(subcommand).run_from_argv(self.argv)

    def fetch_command(self, subcommand):
        try:
            return _command_for(subcommand)
        except CommandError as exc:
            message = "%s" % exc
            if self.settings_exception is not None:
                message += "\n(Settings are not loaded, so app commands are not listed: %s)" % (
                    self.settings_exception,)
            sys.stderr.write(message + "\n")
            sys.exit(1)


def execute_from_command_line(argv=None):
    """Entry point of ``pyframework``, ``python -m pyframework`` and ``manage.py``."""
    ManagementUtility(argv).execute()
