"""The org.pyframework.war Gradle plugin, published from this checkout for the builds the tests run.

``publish_plugin()`` runs ``gradle publishToMavenLocal`` at the repository root with
``-Dmaven.repo.local=build/maven-repo`` (once per test process; Gradle's up-to-date checks make
a repeat cheap), so the plugin, the bridge and the Python artifact the tests build WARs with are
always this checkout's, and the user's ~/.m2 is left alone. ``settings_gradle(name)`` is the
settings.gradle of a throw-away project that finds the plugin there.
"""
from __future__ import absolute_import, unicode_literals

import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAVEN_REPO = os.path.join(ROOT, "build", "maven-repo")
PUBLISH_COMMAND = ["gradle", "-q", "publishToMavenLocal", "-Dmaven.repo.local=" + MAVEN_REPO]

_published = []


class PublishError(Exception):
    """Publishing the plugin failed; the message holds Gradle's output."""


def publish_plugin():
    """Publish the plugin and its artifacts into build/maven-repo (once per process)."""
    if _published:
        return MAVEN_REPO
    process = subprocess.Popen(PUBLISH_COMMAND, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.communicate()[0].decode("utf-8", "replace")
    if process.returncode != 0:
        raise PublishError("%s failed in %s:\n%s" % (" ".join(PUBLISH_COMMAND), ROOT, output[-4000:]))
    _published.append(True)
    return MAVEN_REPO


def settings_gradle(project_name, repository=MAVEN_REPO):
    """A settings.gradle resolving org.pyframework.war from ``repository``."""
    return ("pluginManagement {\n    repositories {\n        maven { url '%s' }\n        mavenCentral()\n    }\n}\n"
            "rootProject.name = '%s'\n" % (repository.replace("\\", "/"), project_name))


def plugin_version():
    """pyframework's version, which is the plugin's."""
    import pyframework
    return pyframework.get_version()


def build_gradle(extra=""):
    """A build.gradle applying the plugin in the ``plugins {}`` form, then ``extra``."""
    return ("plugins {\n    id 'war'\n    id 'org.pyframework.war' version '%s'\n}\n"
            "repositories {\n    mavenCentral()\n}\n%s" % (plugin_version(), extra))
