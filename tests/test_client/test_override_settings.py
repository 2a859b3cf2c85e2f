"""override_settings as context manager and decorator, and the setting_changed signal."""
from __future__ import unicode_literals

import pytest

from pyframework.conf import settings
from pyframework.core.signals import setting_changed
from pyframework.test import override_settings


@pytest.fixture
def changes():
    seen = []

    def record(sender, setting, value, enter, **kwargs):
        seen.append((setting, value, enter))

    setting_changed.connect(record, dispatch_uid="test-override-settings")
    yield seen
    setting_changed.disconnect(dispatch_uid="test-override-settings")


def test_context_manager_changes_and_restores(changes):
    assert settings.APPEND_SLASH is True
    with override_settings(APPEND_SLASH=False):
        assert settings.APPEND_SLASH is False
    assert settings.APPEND_SLASH is True
    assert changes == [("APPEND_SLASH", False, True), ("APPEND_SLASH", True, False)]


def test_new_setting_is_removed_afterwards():
    with override_settings(SOME_PROJECT_SETTING="x"):
        assert settings.SOME_PROJECT_SETTING == "x"
    assert not hasattr(settings, "SOME_PROJECT_SETTING")


def test_nested_overrides():
    with override_settings(X_FRAME_OPTIONS="SAMEORIGIN"):
        with override_settings(X_FRAME_OPTIONS="DENY"):
            assert settings.X_FRAME_OPTIONS == "DENY"
        assert settings.X_FRAME_OPTIONS == "SAMEORIGIN"
    assert settings.X_FRAME_OPTIONS == "DENY"


def test_restored_after_an_exception():
    with pytest.raises(KeyError):
        with override_settings(PREPEND_WWW=True):
            raise KeyError("x")
    assert settings.PREPEND_WWW is False


@override_settings(PREPEND_WWW=True)
def test_function_decorator():
    assert settings.PREPEND_WWW is True


@override_settings(PREPEND_WWW=True)
def test_function_decorator_keeps_fixtures(tmpdir):
    assert settings.PREPEND_WWW is True
    assert tmpdir.check(dir=True)


@override_settings(APPEND_SLASH=False)
class TestClassDecorator(object):
    def test_method_sees_the_override(self):
        assert settings.APPEND_SLASH is False

    def test_method_with_fixture(self, tmpdir):
        assert settings.APPEND_SLASH is False and tmpdir.check(dir=True)


def test_class_decorator_does_not_leak():
    assert settings.APPEND_SLASH is True
