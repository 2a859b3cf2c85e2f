"""``war``: build the project's WAR with Gradle (``gradle war``)."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.management.gradle import GradleCommand


class Command(GradleCommand):
    help = ("Builds the project's WAR with Gradle (gradle war): build/libs/<project>.war, for Tomcat, "
            "GlassFish or Payara.")
    gradle_task = "war"
