"""The dev server module must import everywhere (Jython included), even if it serves only on CPython."""
from __future__ import unicode_literals

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
    assert "WSGI_APPLICATION 'no_such_module_xyz.application'" in str(info.value).replace("u'", "'")
