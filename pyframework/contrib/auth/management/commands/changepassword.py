"""``changepassword [username]``: set a user's password from the terminal."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.auth import get_user_model
from pyframework.contrib.auth.management.commands import _prompts
from pyframework.core.management.base import BaseCommand, CommandError

MAX_ATTEMPTS = 3


class Command(BaseCommand):
    help = "Change a user's password (asked twice, checked by AUTH_PASSWORD_VALIDATORS)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?",
                            help="Whose password to change; default: the name of the account running this.")

    def handle(self, *args, **options):
        UserModel = get_user_model()
        username = options["username"] or _prompts.default_username()
        try:
            user = UserModel._default_manager.get_by_natural_key(username)
        except UserModel.DoesNotExist:
            raise CommandError("user '%s' does not exist" % username)
        self.stdout.write("Changing password for user '%s'" % user)
        password = _prompts.ask_new_password(self.stderr, user, attempts=MAX_ATTEMPTS)
        if password is None:
            raise CommandError("Aborting password change for user '%s' after %s attempts" % (user, MAX_ATTEMPTS))
        user.set_password(password)
        user.save()
        return "Password changed successfully for user '%s'" % user
