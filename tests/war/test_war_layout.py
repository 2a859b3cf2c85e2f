"""The WAR that `gradle war` builds: layout, web.xml, bytecode level, bundled libraries."""
from __future__ import unicode_literals

import io
import os
import struct
import zipfile
from xml.etree import ElementTree

import pytest

from gradle_plugin_support import build_gradle, plugin_version, settings_gradle
from war_build import REPO_ROOT, run_gradle, write_files

pytestmark = pytest.mark.cpython_only("runs Gradle")

EXAMPLE_DIR = os.path.join(REPO_ROOT, "examples", "mysite")
# The bridge is the published org.pyframework:pyframework-servlet artifact, named by its version.
BRIDGE_JAR = "WEB-INF/lib/pyframework-servlet-%s.jar" % plugin_version()
NS = {"j": "https://jakarta.ee/xml/ns/jakartaee"}

# A stand-in for the example project, used when the checkout has none.
FALLBACK_PROJECT = {
    "settings.gradle": settings_gradle("mysite"),
    "build.gradle": build_gradle(),
    "mysite/__init__.py": "",
    "mysite/settings.py": "INSTALLED_APPS = ['demo']\nSTATIC_URL = '/static/'\nSECRET_KEY = 'x'\n",
    "mysite/wsgi.py": "def application(environ, start_response):\n"
                      "    start_response('200 OK', [])\n    return [b'ok']\n",
    "demo/__init__.py": "",
    "demo/views.py": "",
    "demo/static/demo/site.css": "body {}\n",
}


@pytest.fixture(scope="module")
def war(tmp_path_factory):
    if os.path.isfile(os.path.join(EXAMPLE_DIR, "mysite", "settings.py")):
        project_dir = EXAMPLE_DIR
    else:
        project_dir = str(tmp_path_factory.mktemp("fallback"))
        write_files(project_dir, FALLBACK_PROJECT)
    run_gradle(project_dir, "war")
    path = os.path.join(project_dir, "build", "libs", "mysite.war")
    with zipfile.ZipFile(path) as archive:
        yield archive


REDIS_CLIENT_JARS = ["jedis-8.0.2", "commons-pool2-2.13.1", "gson-2.14.0", "json-20260719",
                     "redis-authx-core-0.1.1-beta2", "slf4j-api-1.7.36"]


@pytest.fixture(scope="module")
def names(war):
    return set(war.namelist())


@pytest.fixture(scope="module")
def web_xml(war):
    return ElementTree.fromstring(war.read("WEB-INF/web.xml"))


def test_libraries(names):
    libraries = sorted(name for name in names if name.startswith("WEB-INF/lib/") and name.endswith(".jar"))
    # H2 is the embedded default database (gradle/jdbc-drivers.gradle pins it); Jedis and its
    # dependencies are the Redis cache's client (gradle/redis-client.gradle pins it).
    assert libraries == sorted(["WEB-INF/lib/h2-2.3.232.jar", "WEB-INF/lib/jython-standalone-2.7.4.jar",
                                BRIDGE_JAR] + ["WEB-INF/lib/%s.jar" % jar for jar in REDIS_CLIENT_JARS])


@pytest.mark.parametrize("module", [
    "pyframework/__init__", "pyframework/conf/global_settings", "jinja2/environment", "jinja2/tests",
    "markupsafe/__init__", "markupsafe/_native", "jaydebeapi/__init__", "mysite/settings", "mysite/wsgi", "demo/views",
])
def test_python_modules_are_bundled_and_precompiled(names, module):
    assert "WEB-INF/python/%s.py" % module in names
    assert "WEB-INF/python/%s$py.class" % module in names


def test_every_module_is_precompiled(names):
    sources = [name for name in names if name.startswith("WEB-INF/python/") and name.endswith(".py")]
    missing = [name for name in sources if name[:-3] + "$py.class" not in names]
    assert len(sources) > 50
    assert missing == []


def test_nothing_for_cpython_or_development_slips_in(names):
    unwanted = [name for name in names if name.endswith((".c", ".so", ".pyc", ".whl", ".tar.gz"))
                or "__pycache__" in name or "/tests/" in name or ".dist-info" in name
                or "_template/" in name or "jinja2/async" in name]
    assert unwanted == []
    assert "WEB-INF/python/markupsafe/_speedups.c" not in names


def test_static_files_are_at_the_root_only(names):
    assert "static/demo/site.css" in names
    assert not [name for name in names if name.startswith("WEB-INF/python/") and "/static/" in name]


def test_servlet_declaration(web_xml):
    servlet = web_xml.find("j:servlet", NS)
    assert servlet.find("j:servlet-name", NS).text == "pyframework"
    assert servlet.find("j:servlet-class", NS).text == "org.pyframework.servlet.WsgiServlet"
    assert servlet.find("j:load-on-startup", NS).text == "1"
    params = dict((param.find("j:param-name", NS).text, param.find("j:param-value", NS).text)
                  for param in servlet.findall("j:init-param", NS))
    assert params == {"pyframework.application": "mysite.wsgi:application",
                      "pyframework.settings": "mysite.settings"}
    assert web_xml.find(".//j:multipart-config", NS) is None


def test_container_skips_scanning_jars(web_xml):
    assert web_xml.get("metadata-complete") == "true"
    assert web_xml.find("j:absolute-ordering", NS) is not None


def test_servlet_mappings(web_xml):
    mappings = sorted((mapping.find("j:url-pattern", NS).text, mapping.find("j:servlet-name", NS).text)
                      for mapping in web_xml.findall("j:servlet-mapping", NS))
    assert mappings == [("/", "pyframework"), ("/static/*", "default")]


def test_bridge_is_java_11_bytecode(war):
    bridge = zipfile.ZipFile(io.BytesIO(war.read(BRIDGE_JAR)))
    classes = [name for name in bridge.namelist() if name.endswith(".class")]
    assert "org/pyframework/servlet/WsgiServlet.class" in classes
    assert "org/pyframework/python/HtmlEscape.class" in classes  # behind markupsafe.escape on Jython
    assert "org/pyframework/launcher/AppRunner.class" not in classes
    for name in classes:
        header = bridge.read(name)[:8]
        magic, major = struct.unpack(">I", header[:4])[0], struct.unpack(">H", header[6:8])[0]
        assert (name, magic, major) == (name, 0xCAFEBABE, 55)


def test_message_catalogs_are_compiled_into_the_war(war, names):
    """The repository holds .po sources only; the WAR carries the .mo files Jython reads."""
    for language in ("de", "fr", "es"):
        assert "WEB-INF/python/pyframework/conf/locale/%s/LC_MESSAGES/django.mo" % language in names
        assert "WEB-INF/python/pyframework/conf/locale/%s/formats.py" % language in names
    if "WEB-INF/python/locale/de/LC_MESSAGES/django.po" in names:  # the example project's own catalog
        compiled = war.read("WEB-INF/python/locale/de/LC_MESSAGES/django.mo")
        assert compiled[:4] == b"\xde\x12\x04\x95"  # GNU .mo magic, little-endian
        assert "Noch keine Beiträge.".encode("utf-8") in compiled
