"""LabelCommand: a command run once per label, and its message when no label is given."""
from __future__ import unicode_literals

import pytest

from pyframework.core.management.base import CommandError, LabelCommand


class Greet(LabelCommand):
    label = "name"

    def handle_label(self, label, **options):
        if label != "nobody":
            return "hello %s (verbosity %s)" % (label, options["verbosity"])


def run(*argv):
    command = Greet()
    parser = command.create_parser("manage.py", "greet")
    options = vars(parser.parse_args(list(argv)))
    args = options.pop("args", ())
    return command.handle(*args, **options)


def test_each_label_is_handled_and_outputs_joined():
    assert run("ada", "nobody", "grace", "-v", "2") == "hello ada (verbosity 2)\nhello grace (verbosity 2)"


def test_no_label_is_a_clear_error():
    with pytest.raises(CommandError) as info:
        run()
    assert str(info.value) == "Error: Enter at least one name."


def test_handle_label_must_be_provided():
    with pytest.raises(NotImplementedError):
        LabelCommand().handle("x")
