"""LiveServerTestCase: the project served on a real socket while the tests run (browsers, HTTP clients).

The server runs in a thread of the test process on ``host`` and a free port (``port = 0``),
with the development server's threaded WSGI server; ``live_server_url`` is its address. As
in Django it is a TransactionTestCase: what a test writes is committed, so the server's
threads see it, and the tables are flushed after each test. Static files are served
from STATIC_URL through the staticfiles finders.
"""
from __future__ import absolute_import, unicode_literals

import threading

from pyframework.contrib.staticfiles.handlers import StaticFilesHandler
from pyframework.core.handlers.wsgi import WSGIHandler
from pyframework.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from pyframework.db import connections
from pyframework.test.testcases import TransactionTestCase
from pyframework.test.utils import modify_settings

# Seconds the server thread has to start listening before setUpClass gives up.
SERVER_START_TIMEOUT = 30


class _QuietRequestHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass  # the test output is not an access log


class LiveServerThread(threading.Thread):
    """Serves the project from a thread; ``port`` is known once ``is_ready`` is set."""

    server_class = ThreadedWSGIServer

    def __init__(self, host, static_handler, port=0):
        super(LiveServerThread, self).__init__(name="live-server")
        self.daemon = True
        self.host = host
        self.port = port
        self.is_ready = threading.Event()
        self.error = None
        self.static_handler = static_handler
        self.httpd = None

    def run(self):
        try:
            handler = self.static_handler(WSGIHandler()) if self.static_handler else WSGIHandler()
            self.httpd = self.server_class((self.host, self.port), _QuietRequestHandler)
            self.httpd.set_app(handler)
            self.port = self.httpd.server_address[1]
            self.is_ready.set()
            self.httpd.serve_forever(poll_interval=0.1)
        except Exception as exc:  # noqa: BLE001 - handed to the test thread, which raises it
            self.error = exc
            self.is_ready.set()
        finally:
            connections.close_all()

    def terminate(self):
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
        self.join(SERVER_START_TIMEOUT)


class _ClassProperty(object):
    def __init__(self, method):
        self.method = method

    def __get__(self, instance, owner):
        return self.method(owner)


class LiveServerTestCase(TransactionTestCase):
    """A TransactionTestCase with the project listening on ``live_server_url``."""

    host = "localhost"
    port = 0
    server_thread_class = LiveServerThread
    static_handler = StaticFilesHandler

    @_ClassProperty
    def live_server_url(cls):
        return "http://%s:%s" % (cls.host, cls.server_thread.port)

    @_ClassProperty
    def allowed_host(cls):
        return cls.host

    @classmethod
    def setUpClass(cls):
        super(LiveServerTestCase, cls).setUpClass()
        cls._live_server_modified_settings = modify_settings(ALLOWED_HOSTS={"append": cls.allowed_host})
        cls._live_server_modified_settings.enable()
        cls.addClassCleanup(cls._live_server_modified_settings.disable)
        cls._start_server_thread()

    @classmethod
    def _start_server_thread(cls):
        cls.server_thread = cls._create_server_thread()
        cls.server_thread.start()
        cls.addClassCleanup(cls._terminate_thread)
        if not cls.server_thread.is_ready.wait(SERVER_START_TIMEOUT):
            raise RuntimeError("The live server did not start within %d seconds." % SERVER_START_TIMEOUT)
        if cls.server_thread.error:
            raise cls.server_thread.error

    @classmethod
    def _create_server_thread(cls):
        return cls.server_thread_class(cls.host, cls.static_handler, port=cls.port)

    @classmethod
    def _terminate_thread(cls):
        cls.server_thread.terminate()
