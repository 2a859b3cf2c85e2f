"""``clearsessions``: delete expired sessions from the session store (run it from cron)."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib.sessions.middleware import session_store_class
from pyframework.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Deletes expired sessions from the store SESSION_ENGINE names."
    requires_system_checks = []

    def handle(self, *args, **options):
        store_class = session_store_class()
        try:
            store_class.clear_expired()
        except NotImplementedError:
            raise CommandError("The session engine %s.%s cannot clear expired sessions (they expire on their own)."
                               % (store_class.__module__, store_class.__name__))
