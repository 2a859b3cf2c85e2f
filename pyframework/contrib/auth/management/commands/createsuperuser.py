"""``createsuperuser``: a user with every permission, from prompts or (``--noinput``) from options.

Non-interactively the password comes from PYFRAMEWORK_SUPERUSER_PASSWORD
(never a command-line option, which other users of the machine could read);
without it the account gets an unusable password, to be set later with
``changepassword``. Other required fields may come from
PYFRAMEWORK_SUPERUSER_<FIELD> too.
"""
from __future__ import absolute_import, unicode_literals

import os

from pyframework.contrib.auth import get_user_model, password_validation
from pyframework.contrib.auth.management.commands import _prompts
from pyframework.core.exceptions import ValidationError
from pyframework.core.management.base import BaseCommand, CommandError

PASSWORD_VARIABLE = "PYFRAMEWORK_SUPERUSER_PASSWORD"


def _environ(field_name):
    return os.environ.get("PYFRAMEWORK_SUPERUSER_%s" % field_name.upper())


class Command(BaseCommand):
    help = "Create a superuser (all permissions, staff status)."
    requires_system_checks = []

    def add_arguments(self, parser):
        UserModel = get_user_model()
        self.username_field = UserModel._meta.get_field(UserModel.USERNAME_FIELD)
        parser.add_argument("--%s" % UserModel.USERNAME_FIELD, dest="username",
                            help="The superuser's login name.")
        for field_name in UserModel.REQUIRED_FIELDS:
            parser.add_argument("--%s" % field_name, dest=field_name, help="The superuser's %s." % field_name)
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="Ask nothing: take the values from the options and %s." % PASSWORD_VARIABLE)

    def handle(self, *args, **options):
        UserModel = get_user_model()
        if options["interactive"]:
            if not _prompts.stdin_is_a_terminal():
                raise CommandError("Superuser creation skipped: not running in a terminal. "
                                   "Use --noinput with --username and %s." % PASSWORD_VARIABLE)
            values, password = self._ask(UserModel, options)
        else:
            values, password = self._from_options(UserModel, options)
        values[UserModel.USERNAME_FIELD] = UserModel.normalize_username(values[UserModel.USERNAME_FIELD])
        UserModel._default_manager.create_superuser(password=password, **values)
        if options["verbosity"] >= 1:
            self.stdout.write("Superuser created successfully.")

    # -- non-interactive ----------------------------------------------------

    def _from_options(self, UserModel, options):
        values = {}
        for field_name in [UserModel.USERNAME_FIELD] + list(UserModel.REQUIRED_FIELDS):
            option = "username" if field_name == UserModel.USERNAME_FIELD else field_name
            raw = options.get(option) or _environ(field_name)
            if not raw:
                raise CommandError("You must use --%s with --noinput." % field_name)
            values[field_name] = self._clean(UserModel, field_name, raw)
        self._check_username_free(UserModel, values[UserModel.USERNAME_FIELD])
        password = os.environ.get(PASSWORD_VARIABLE)
        if password is not None:
            try:
                password_validation.validate_password(password, UserModel(**values))
            except ValidationError as error:
                raise CommandError("%s: %s" % (PASSWORD_VARIABLE, "; ".join(error.messages)))
        return values, password

    # -- interactive -----------------------------------------------------------

    def _ask(self, UserModel, options):
        values = {}
        username_name = UserModel.USERNAME_FIELD
        default = options.get("username") or self._free_default_username(UserModel)
        while username_name not in values:
            prompt = "%s%s: " % (self.username_field.verbose_name.capitalize(),
                                 " (leave blank to use '%s')" % default if default else "")
            raw = _prompts.ask(prompt) or default
            value = self._clean_or_report(UserModel, username_name, raw)
            if value is not None and self._username_free_or_report(UserModel, value):
                values[username_name] = value
        for field_name in UserModel.REQUIRED_FIELDS:
            field = UserModel._meta.get_field(field_name)
            while field_name not in values:
                raw = options.get(field_name) or _prompts.ask("%s: " % field.verbose_name.capitalize())
                value = self._clean_or_report(UserModel, field_name, raw)
                if value is not None:
                    values[field_name] = value
        password = _prompts.ask_new_password(self.stderr, UserModel(**values), allow_bypass=True)
        return values, password

    def _free_default_username(self, UserModel):
        candidate = _prompts.default_username()
        try:
            candidate = self._clean(UserModel, UserModel.USERNAME_FIELD, candidate)
        except CommandError:
            return ""
        exists = UserModel._default_manager.filter(**{UserModel.USERNAME_FIELD: candidate}).exists()
        return "" if exists else candidate

    def _clean_or_report(self, UserModel, field_name, raw):
        try:
            return self._clean(UserModel, field_name, raw)
        except CommandError as error:
            self.stderr.write("%s" % (error,))
            return None

    def _username_free_or_report(self, UserModel, username):
        try:
            self._check_username_free(UserModel, username)
        except CommandError as error:
            self.stderr.write("%s" % (error,))
            return False
        return True

    # -- both -------------------------------------------------------------------

    def _clean(self, UserModel, field_name, raw):
        field = UserModel._meta.get_field(field_name)
        try:
            return field.clean(raw, None)
        except ValidationError as error:
            raise CommandError("Error: %s" % "; ".join(error.messages))

    def _check_username_free(self, UserModel, username):
        if UserModel._default_manager.filter(**{UserModel.USERNAME_FIELD: username}).exists():
            raise CommandError("Error: That %s is already taken." % self.username_field.verbose_name)
