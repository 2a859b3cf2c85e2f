"""The Gradle plugin compiles against Gradle 8's API as well as against Debian's Gradle 4.4.1.

The builds here run on Gradle 4.4.1 (no Gradle distribution can be downloaded on this machine,
so ``./gradlew`` cannot run Gradle 8). What can be checked is the API: the plugin's sources are
compiled against Gradle 8.10.2's public API, from Maven Central's ``dev.gradleplugins:gradle-api``
(a repackaging of Gradle's own API jar), so a class or method removed in Gradle 8 fails here.
"""
from __future__ import unicode_literals

import glob
import hashlib
import os
import subprocess

import pytest

from war_build import REPO_ROOT, find_executable

pytestmark = pytest.mark.cpython_only("downloads jars and runs javac")

CENTRAL = "https://repo1.maven.org/maven2/"
JARS = [("dev/gradleplugins/gradle-api/8.10.2/gradle-api-8.10.2.jar"),
        ("org/codehaus/groovy/groovy/3.0.22/groovy-3.0.22.jar")]
CACHE = os.path.join(REPO_ROOT, "build", "gradle8-api")
SOURCES = os.path.join(REPO_ROOT, "jvm", "gradle-plugin", "src", "main", "java")


def fetch(path):
    """The jar at Maven Central ``path``, downloaded once into build/ and checked against its .sha1."""
    from urllib.request import urlopen

    target = os.path.join(CACHE, os.path.basename(path))
    if not os.path.exists(target):
        os.makedirs(CACHE, exist_ok=True)
        expected = urlopen(CENTRAL + path + ".sha1", timeout=60).read().decode("ascii").split()[0]
        data = urlopen(CENTRAL + path, timeout=600).read()
        assert hashlib.sha1(data).hexdigest() == expected, "checksum mismatch for " + path
        with open(target + ".part", "wb") as handle:
            handle.write(data)
        os.rename(target + ".part", target)
    return target


def test_plugin_sources_compile_against_gradle_8_api(tmp_path):
    if find_executable("javac") is None:
        pytest.skip("javac is needed")
    class_path = os.pathsep.join(fetch(path) for path in JARS)
    sources = sorted(glob.glob(os.path.join(SOURCES, "org", "pyframework", "gradle", "*.java")))
    assert sources, "no plugin sources under " + SOURCES
    process = subprocess.Popen(["javac", "-Xlint:deprecation", "-d", str(tmp_path), "-cp", class_path] + sources,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.communicate()[0].decode("utf-8", "replace")
    assert process.returncode == 0, output
    assert os.path.exists(str(tmp_path / "org" / "pyframework" / "gradle" / "PyframeworkWarPlugin.class"))
