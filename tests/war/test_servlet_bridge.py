"""The servlet bridge on an embedded Tomcat, serving a small WSGI application."""
from __future__ import unicode_literals

import os
import subprocess
import threading
import time
import zipfile

import pytest

from gradle_plugin_support import build_gradle, settings_gradle
from war_build import run_gradle, write_files

try:
    import http.client as http_client
except ImportError:  # Python 2
    import httplib as http_client

try:
    import queue
except ImportError:  # Python 2
    import Queue as queue

pytestmark = pytest.mark.cpython_only("runs Gradle and Tomcat")

# Runs under Jython 2.7 inside the WAR.
WSGI_APP = '''
import os
import sys
import threading

gate = threading.Event()


def environ_report(environ):
    keys = ["REQUEST_METHOD", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING", "CONTENT_TYPE", "CONTENT_LENGTH",
            "SERVER_PROTOCOL", "HTTP_X_MULTI", "wsgi.url_scheme", "wsgi.multithread", "wsgi.multiprocess",
            "wsgi.run_once", "wsgi.version"]
    lines = ["%s=%r" % (key, environ.get(key)) for key in keys]
    lines.append("native=%s" % all(type(environ[key]) is str for key in keys[:8] if key in environ))
    lines.append("settings=%s" % os.environ.get("PYFRAMEWORK_SETTINGS_MODULE"))
    return "\\n".join(lines)


def application(environ, start_response):
    path = environ["PATH_INFO"]
    if path == "/wait":
        # Only another request running at the same time can open the gate.
        body = "released" if gate.wait(60) else "timed out"
    elif path == "/release":
        gate.set()
        body = "opened the gate"
    elif path == "/boom":
        raise RuntimeError("boom from the application")
    elif path == "/unicode":
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [u"text, not bytes"]
    elif path == "/echo":
        stream = environ["wsgi.input"]
        first = stream.readline()
        rest = list(stream)
        body = "%r %r %r" % (first, rest, stream.read())
    elif path == "/write":
        write = start_response("200 OK", [("Content-Type", "text/plain")])
        write("written ")
        return ["returned"]
    elif path == "/replace":
        start_response("200 OK", [("Content-Type", "text/plain")])
        try:
            raise ValueError("changed my mind")
        except ValueError:
            start_response("503 Service Unavailable", [("Content-Type", "text/plain")], sys.exc_info())
        return ["replaced"]
    elif path == "/twice":
        start_response("200 OK", [])
        start_response("200 OK", [])
        return ["unreachable"]
    elif path == "/stream":
        start_response("201 Created", [("Content-Type", "text/plain"), ("X-Kind", "generator")])
        return (chunk for chunk in ["a", "", "b", "c"])
    else:
        body = environ_report(environ)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [body]
'''

PROJECT = {
    "settings.gradle": settings_gradle("bridgetest"),
    "build.gradle": build_gradle(),
    "bridgetest/__init__.py": "",
    "bridgetest/settings.py": "import os\nINSTALLED_APPS = []\nSTATIC_URL = '/static/'\nSECRET_KEY = 'x'\n"
                              "STATICFILES_DIRS = [os.path.join(os.path.dirname(os.path.dirname("
                              "os.path.abspath(__file__))), 'static')]\n",
    "bridgetest/wsgi.py": WSGI_APP,
    "static/site.css": "body { color: teal }\n",
}


class Server(object):
    """The embedded Tomcat launcher running a WAR, with its console output collected."""

    def __init__(self, classpath, war, base_dir, time_zone):
        environment = dict(os.environ, TZ=time_zone)
        self.process = subprocess.Popen(
            ["java", "-cp", classpath, "org.pyframework.launcher.AppRunner", war, "0", base_dir],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment)
        self.lines = queue.Queue()
        self.output = []
        reader = threading.Thread(target=self._read)
        reader.daemon = True
        reader.start()

    def _read(self):
        for raw in iter(self.process.stdout.readline, b""):
            line = raw.decode("utf-8", "replace")
            self.output.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def wait_for_port(self):
        while True:
            line = self.lines.get(timeout=300)
            if line is None:
                raise AssertionError("the launcher exited:\n" + "".join(self.output))
            if line.startswith("Serving "):
                return int(line.split("http://127.0.0.1:")[1].split("/")[0])

    def wait_for_log(self, text):
        """True once text shows in the output (log lines may trail the response)."""
        while text not in "".join(self.output):
            try:
                if self.lines.get(timeout=60) is None:
                    break
            except queue.Empty:
                break
        return text in "".join(self.output)

    def stop(self):
        self.process.terminate()
        self.process.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    project_dir = str(tmp_path_factory.mktemp("bridgetest"))
    write_files(project_dir, PROJECT)
    run_gradle(project_dir, "war")
    classpath = run_gradle(project_dir, "appRunClasspath")
    # Zip entries store local time: a server in another time zone than the build
    # unpacks shifted source times, which the servlet must undo.
    time_zone = "America/Chicago" if time.localtime().tm_gmtoff == 5 * 3600 + 1800 else "Asia/Kolkata"
    running = Server(classpath, os.path.join(project_dir, "build", "libs", "bridgetest.war"),
                     os.path.join(project_dir, "build", "tomcat"), time_zone)
    running.project_dir = project_dir
    try:
        running.port = running.wait_for_port()
        yield running
    finally:
        running.stop()


def request(server, method, path, body=None, headers=()):
    connection = http_client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    try:
        connection.putrequest(method, path)
        for name, value in headers:
            connection.putheader(name, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders()
        if body is not None:
            connection.send(body)
        response = connection.getresponse()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), response.read()
    finally:
        connection.close()


def test_environ(server):
    status, headers, body = request(server, "GET", "/caf%C3%A9/x%20y?a=1&b=%20",
                                    headers=[("X-Multi", "one"), ("X-Multi", "two")])
    assert status == 200
    lines = body.decode("latin-1").splitlines()
    assert "REQUEST_METHOD='GET'" in lines
    assert "SCRIPT_NAME=''" in lines
    assert "PATH_INFO='/caf\\xc3\\xa9/x y'" in lines
    assert "QUERY_STRING='a=1&b=%20'" in lines
    assert "CONTENT_TYPE=None" in lines
    assert "SERVER_PROTOCOL='HTTP/1.1'" in lines
    assert "HTTP_X_MULTI='one, two'" in lines
    assert "wsgi.url_scheme='http'" in lines
    assert "wsgi.multithread=True" in lines
    assert "wsgi.multiprocess=False" in lines
    assert "wsgi.run_once=False" in lines
    assert "wsgi.version=(1, 0)" in lines
    assert "native=True" in lines
    assert "settings=bridgetest.settings" in lines


def test_request_body_is_read_by_lines(server):
    status, headers, body = request(server, "POST", "/echo", body=b"first\nsecond\nthird",
                                    headers=[("Content-Type", "text/plain")])
    assert status == 200
    assert body == b"'first\\n' ['second\\n', 'third'] ''"


def test_generator_body_is_streamed(server):
    status, headers, body = request(server, "GET", "/stream")
    assert (status, body) == (201, b"abc")
    assert headers["x-kind"] == "generator"
    assert headers["content-type"] == "text/plain"


def test_write_callable_comes_before_the_returned_body(server):
    assert request(server, "GET", "/write")[::2] == (200, b"written returned")


def test_start_response_with_exc_info_replaces_unsent_headers(server):
    assert request(server, "GET", "/replace")[::2] == (503, b"replaced")


def test_second_start_response_without_exc_info_is_an_error(server):
    assert request(server, "GET", "/twice")[0] == 500
    assert server.wait_for_log("start_response() called a second time without exc_info")


def test_requests_run_concurrently(server):
    results = []
    waiter = threading.Thread(target=lambda: results.append(request(server, "GET", "/wait")))
    waiter.start()
    # Succeeds only if /release runs while /wait still holds its container thread;
    # serialized requests would leave /wait to give up and answer "timed out".
    assert request(server, "GET", "/release")[2] == b"opened the gate"
    waiter.join(120)
    assert results and results[0][2] == b"released"


def test_exception_gives_500_and_the_servlet_keeps_serving(server):
    status, headers, body = request(server, "GET", "/boom")
    assert status == 500
    assert body == b"500 Internal Server Error\n"
    assert server.wait_for_log("RuntimeError: boom from the application")
    assert server.wait_for_log("Traceback (most recent call last)")
    assert request(server, "GET", "/after")[0] == 200


def test_unicode_body_chunk_is_rejected(server):
    status, headers, body = request(server, "GET", "/unicode")
    assert status == 500
    assert server.wait_for_log("WSGI body chunks must be byte strings (str), not unicode")


def test_static_files_are_served_by_the_container(server):
    status, headers, body = request(server, "GET", "/static/site.css")
    assert (status, body) == (200, b"body { color: teal }\n")
    assert headers["content-type"].startswith("text/css")


def test_precompiled_modules_are_used_after_unpacking_in_another_time_zone(server):
    assert request(server, "GET", "/")[0] == 200
    assert server.wait_for_log("Restored the build's timestamps of")
    module = "WEB-INF/python/bridgetest/wsgi$py.class"
    with zipfile.ZipFile(os.path.join(server.project_dir, "build", "libs", "bridgetest.war")) as war:
        built = war.read(module)
    unpacked = os.path.join(server.project_dir, "build", "tomcat", "webapps", "ROOT", *module.split("/"))
    with open(unpacked, "rb") as handle:
        # Jython rewrites a module's class file whenever it recompiles the source.
        assert handle.read() == built
