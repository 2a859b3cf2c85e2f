"""Dev server parts that run everywhere: it must import on Jython even though it serves on CPython."""
from __future__ import unicode_literals

import io

from pyframework.core.servers import basehttp


def test_server_classes_are_threaded_and_time_limited():
    assert issubclass(basehttp.ThreadedWSGIServer, basehttp.WSGIServer)
    assert basehttp.ThreadedWSGIServer.daemon_threads is True
    assert basehttp.DEFAULT_CONNECTION_TIMEOUT > 0


def test_internal_wsgi_application_reports_a_bad_path(monkeypatch):
    import pytest
    from pyframework.conf import settings
    from pyframework.core.exceptions import ImproperlyConfigured

    monkeypatch.setattr(settings, "WSGI_APPLICATION", "no_such_module_xyz.application")
    with pytest.raises(ImproperlyConfigured) as info:
        basehttp.get_internal_wsgi_application()
    assert "WSGI_APPLICATION 'no_such_module_xyz.application'" in str(info.value)


class TestLimitedStream(object):
    def stream(self, data, limit):
        return basehttp.LimitedStream(io.BytesIO(data), limit)

    def test_reads_stop_at_the_limit(self):
        stream = self.stream(b"abcdefgh", 5)
        assert stream.read(2) == b"ab"
        assert stream.read() == b"cde"
        assert stream.read() == b""
        assert not stream.failed

    def test_readline_and_iteration(self):
        stream = self.stream(b"one\ntwo\nthree\nleftover", 14)
        assert stream.readline() == b"one\n"
        assert list(stream) == [b"two\n", b"three\n"]

    def test_readlines_with_hint(self):
        assert self.stream(b"a\nb\nc\n", 6).readlines(2) == [b"a\n"]

    def test_short_stream_is_marked_failed(self):
        stream = self.stream(b"abc", 10)
        assert stream.read() == b"abc"
        assert stream.read() == b""
        assert stream.failed

    def test_drain_discards_the_rest_within_the_limit(self):
        source = io.BytesIO(b"x" * 100 + b"NEXT")
        stream = basehttp.LimitedStream(source, 100)
        stream.read(10)
        stream.drain()
        assert stream.remaining == 0
        assert source.read() == b"NEXT"

    def test_drain_skips_huge_or_failed_bodies(self):
        source = io.BytesIO(b"x" * 100)
        stream = basehttp.LimitedStream(source, 100)
        stream.drain(limit=10)
        assert source.tell() == 0
