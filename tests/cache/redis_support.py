"""The Redis servers of the cache tests.

``redis_url()`` is the shared server tests/dbservers.sh started (PYFRAMEWORK_TEST_REDIS_URL);
without it the Redis tests are skipped, or fail when CI=true. :class:`PrivateRedis` is a
redis-server of the test's own (PYFRAMEWORK_TEST_REDIS_SERVER, else redis-server on PATH) that
the test may stop and start again on the same port, to cut the cache off and bring it back.
"""
from __future__ import absolute_import, unicode_literals

import os
import socket
import subprocess
import time

import pytest

REDIS_BACKEND = "pyframework.core.cache.backends.redis.RedisCache"


def _missing(what):
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("%s (CI=true: the Redis tests must run; eval \"$(bash tests/dbservers.sh start)\")" % what)
    pytest.skip(what)


def redis_url():
    url = os.environ.get("PYFRAMEWORK_TEST_REDIS_URL")
    if not url:
        _missing("PYFRAMEWORK_TEST_REDIS_URL is not set (bash tests/dbservers.sh start starts a Redis)")
    return url


def _free_port():
    probe = socket.socket()
    try:
        probe.bind(("127.0.0.1", 0))
        probe.listen(1)  # Jython binds only now: before, its port reads 0
        return probe.getsockname()[1]
    finally:
        probe.close()


def _answers(port):
    try:
        connection = socket.create_connection(("127.0.0.1", port), 0.5)
    except (IOError, OSError):
        return False
    try:
        connection.sendall(b"PING\r\n")
        return connection.recv(16).startswith(b"+PONG")
    except (IOError, OSError):
        return False
    finally:
        connection.close()


class PrivateRedis(object):
    """A redis-server on a free loopback port, in ``directory``; ``stop()`` and ``start()`` again."""

    def __init__(self, directory):
        self.binary = os.environ.get("PYFRAMEWORK_TEST_REDIS_SERVER") or "redis-server"
        self.directory = str(directory)
        self.port = _free_port()
        self.url = "redis://127.0.0.1:%d/0" % self.port
        self.process = None

    def start(self):
        # The server writes its own log: handing Jython a file for stdout would need a copying thread.
        try:
            self.process = subprocess.Popen(
                [self.binary, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", self.directory,
                 "--save", "", "--appendonly", "no", "--logfile", os.path.join(self.directory, "redis.log")])
        except OSError as exc:
            _missing("cannot start %s: %s" % (self.binary, exc))
        deadline = time.time() + 30
        while not _answers(self.port):
            if self.process.poll() is not None or time.time() > deadline:
                raise AssertionError("redis-server on port %d did not start: see %s/redis.log" % (self.port, self.directory))
            time.sleep(0.05)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None
