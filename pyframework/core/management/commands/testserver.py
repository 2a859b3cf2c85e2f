"""``manage.py testserver fixture ...``: the development server on a fresh test database
loaded with the given fixtures (to try the site against known data)."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.management import call_command
from pyframework.core.management.base import BaseCommand
from pyframework.db import connection


class Command(BaseCommand):
    help = "Runs a development server with data from the given fixture(s)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("args", metavar="fixture", nargs="*",
                            help="Path(s) to fixtures to load before running the server.")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="Tells pyframework to NOT prompt the user for input of any kind.")
        parser.add_argument("--addrport", default="", help="Port number or ipaddr:port to run the server on.")
        parser.add_argument("--ipv6", "-6", action="store_true", dest="use_ipv6",
                            help="Tells pyframework to use an IPv6 address.")

    def handle(self, *fixture_labels, **options):
        verbosity = options["verbosity"]
        db_name = connection.creation.create_test_db(verbosity=verbosity, autoclobber=not options["interactive"],
                                                     serialize=False)
        if fixture_labels:
            call_command("loaddata", *fixture_labels, verbosity=verbosity)
        shutdown_message = ("\nServer stopped.\nNote that the test database, %r, has not been deleted. "
                            "You can explore it on your own." % db_name)
        # An in-memory SQLite test database is one connection: serve from one thread then.
        call_command("runserver", addrport=options["addrport"] or None, shutdown_message=shutdown_message,
                     use_reloader=False, use_ipv6=options["use_ipv6"],
                     use_threading=connection.features.test_db_allows_multiple_connections)
