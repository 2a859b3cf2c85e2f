"""``apprun``: serve the project's WAR on an embedded Tomcat (``gradle appRun``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.management.base import CommandError
from pyframework.core.management.gradle import GradleCommand


class Command(GradleCommand):
    help = ("Builds the WAR and serves it on an embedded Tomcat on 127.0.0.1 (gradle appRun), as it runs "
            "in production: Jython, the servlet bridge, the container's static files.")
    gradle_task = "appRun"

    def add_arguments(self, parser):
        super(Command, self).add_arguments(parser)
        parser.add_argument("--port", type=int, help="The port (default: the build's, 8080; 0 picks a free one).")

    def gradle_arguments(self, options):
        port = options.get("port")
        if port is None:
            return []
        if not 0 <= port <= 65535:
            raise CommandError("--port must be between 0 and 65535, not %d" % port)
        return ["-Pport=%d" % port]
