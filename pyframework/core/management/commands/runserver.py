"""``runserver [addrport]``: the threaded development server, reloading on code changes."""
from __future__ import absolute_import, unicode_literals

import errno
import logging
import re
import socket
import sys

from pyframework.core.management.base import BaseCommand, CommandError
from pyframework.core.servers import basehttp

DEFAULT_ADDR = "127.0.0.1"
DEFAULT_PORT = "8000"
ADDRPORT = re.compile(r"""^(?:
    (?P<addr>(?P<ipv4>\d{1,3}(?:\.\d{1,3}){3}) | \[(?P<ipv6>[a-fA-F0-9:]+)\] | (?P<fqdn>[a-zA-Z0-9.-]+))
    :)?(?P<port>\d+)$""", re.X)


def parse_addrport(addrport, use_ipv6=False):
    """``"8000"``, ``"0.0.0.0:8000"``, ``"[::1]:8000"`` or ``"localhost:8000"`` -> (addr, port, ipv6)."""
    if not addrport:
        return ("::1" if use_ipv6 else DEFAULT_ADDR), int(DEFAULT_PORT), use_ipv6
    match = ADDRPORT.match(addrport)
    if match is None:
        raise CommandError("'%s' is not a valid port number or address:port pair." % addrport)
    port = int(match.group("port"))
    if not 0 < port < 65536:
        raise CommandError("'%s' is not a valid port number (1-65535)." % match.group("port"))
    if match.group("ipv6"):
        return match.group("ipv6"), port, True
    addr = match.group("ipv4") or match.group("fqdn")
    return addr or ("::1" if use_ipv6 else DEFAULT_ADDR), port, use_ipv6


class Command(BaseCommand):
    help = "Starts the development web server (threaded, reloads when code changes)."
    # Checks run inside the served process, so a reload re-checks the new code.
    requires_system_checks = []
    # testserver passes the text printed when the server stops.
    stealth_options = ("shutdown_message",)

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", help="Optional port number, or ipaddr:port.")
        parser.add_argument("--ipv6", "-6", action="store_true", dest="use_ipv6", help="Use an IPv6 address.")
        parser.add_argument("--nothreading", action="store_false", dest="use_threading",
                            help="Serve one request at a time.")
        parser.add_argument("--noreload", action="store_false", dest="use_reloader",
                            help="Do not restart the server when code changes.")
        parser.add_argument("--nostatic", action="store_false", dest="use_static_handler",
                            help="Do not serve static files even when DEBUG is on.")
        parser.add_argument("--insecure", action="store_true", dest="insecure_serving",
                            help="Serve static files even when DEBUG is off.")
        parser.add_argument("--timeout", type=float, default=basehttp.DEFAULT_CONNECTION_TIMEOUT,
                            help="Seconds a connection may stay silent before it is answered with an "
                                 "error and closed (default: %(default)s).")

    def handle(self, *args, **options):
        from pyframework.conf import settings

        if not settings.DEBUG and not settings.ALLOWED_HOSTS:
            raise CommandError("You must set ALLOWED_HOSTS when DEBUG is False.")
        if options["timeout"] <= 0:
            raise CommandError("--timeout must be a positive number of seconds.")
        self.addr, self.port, self.use_ipv6 = parse_addrport(options["addrport"], options["use_ipv6"])
        if self.use_ipv6 and not socket.has_ipv6:
            raise CommandError("Your Python does not support IPv6.")
        if options["use_reloader"]:
            from pyframework.utils import autoreload

            autoreload.run_with_reloader(self.inner_run, **options)
        else:
            self.inner_run(**options)

    def get_handler(self, **options):
        from pyframework.conf import settings

        handler = basehttp.get_internal_wsgi_application()
        if options["use_static_handler"] and (settings.DEBUG or options["insecure_serving"]):
            from pyframework.contrib.staticfiles.handlers import StaticFilesHandler

            handler = StaticFilesHandler(handler)
        return handler

    def inner_run(self, **options):
        import pyframework
        from pyframework.conf import settings

        _log_to_console()
        self.stdout.write("Performing system checks...")
        self.check(display_num_errors=True)
        host = "[%s]" % self.addr if self.use_ipv6 else self.addr
        self.stdout.write(
            "pyframework %s, settings '%s'\nStarting development server at http://%s:%s/\n"
            "Quit the server with CONTROL-C." % (
                pyframework.get_version(), settings.SETTINGS_MODULE, host, self.port))
        self.stdout.flush()
        try:
            basehttp.run(self.addr, self.port, self.get_handler(**options), threading=options["use_threading"],
                         ipv6=self.use_ipv6, connection_timeout=options["timeout"])
        except socket.error as exc:
            reasons = {
                errno.EACCES: "You don't have permission to access that port.",
                errno.EADDRINUSE: "That port is already in use.",
                errno.EADDRNOTAVAIL: "That IP address can't be assigned to.",
            }
            self.stderr.write("Error: %s" % reasons.get(exc.errno, exc))
            sys.exit(1)
        except KeyboardInterrupt:
            if options.get("shutdown_message"):
                self.stdout.write(options["shutdown_message"])
            sys.exit(0)


def _log_to_console():
    """Show request lines on the console unless the project configured logging itself."""
    logger = logging.getLogger("pyframework.server")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("[%(asctime)s] %(message)s", "%d/%b/%Y %H:%M:%S"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
