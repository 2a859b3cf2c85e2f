"""pyframework.test.utils: the small helpers Django's tests use, and the settings layer under them."""
from __future__ import unicode_literals

import sys
import warnings

import pytest

from pyframework.conf import UserSettingsHolder, settings
from pyframework.test import modify_settings, override_settings, tag
from pyframework.test.utils import (
    Approximate, captured_stderr, captured_stdout, extend_sys_path, ignore_warnings, override_script_prefix,
)
from pyframework.urls.base import get_script_prefix


def test_approximate():
    assert 1.0000000001 == Approximate(1.0)
    assert 1.01 != Approximate(1.0)
    assert 1.004 == Approximate(1.0, places=2)


def test_captured_streams_and_sys_path():
    with captured_stdout() as out, captured_stderr() as err:
        sys.stdout.write("to out")
        sys.stderr.write("to err")
    assert (out.getvalue(), err.getvalue()) == ("to out", "to err")
    with extend_sys_path("/nowhere/at/all"):
        assert sys.path[-1] == "/nowhere/at/all"
    assert "/nowhere/at/all" not in sys.path


def test_override_script_prefix():
    with override_script_prefix("/mounted/"):
        assert get_script_prefix() == "/mounted/"
    assert get_script_prefix() == "/"


def test_ignore_warnings():
    @ignore_warnings(category=DeprecationWarning)
    def noisy():
        warnings.warn("old", DeprecationWarning)
        return "done"

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert noisy() == "done"
    assert caught == []


def test_tag():
    @tag("slow", "db")
    def test_something():
        pass

    assert test_something.tags == {"slow", "db"}


def test_modify_settings_context_manager():
    with modify_settings(ALLOWED_HOSTS={"append": "b.example", "prepend": "a.example", "remove": "testserver"}):
        assert settings.ALLOWED_HOSTS[0] == "a.example" and settings.ALLOWED_HOSTS[-1] == "b.example"
        assert "testserver" not in settings.ALLOWED_HOSTS
    assert "testserver" in settings.ALLOWED_HOSTS
    with pytest.raises(ValueError):
        with modify_settings(ALLOWED_HOSTS={"replace": "x"}):
            pass


def test_user_settings_holder_layers_and_deletes():
    holder = UserSettingsHolder(settings._wrapped)
    holder.APPEND_SLASH = False
    assert holder.APPEND_SLASH is False and holder.DEBUG is settings.DEBUG
    del holder.DEBUG
    assert not hasattr(holder, "DEBUG")
    assert holder.is_overridden("APPEND_SLASH") and holder.is_overridden("DEBUG")
    with override_settings(APPEND_SLASH=False):
        del settings.APPEND_SLASH
        assert not hasattr(settings, "APPEND_SLASH")
    assert settings.APPEND_SLASH is True


def test_a_failing_receiver_leaves_the_settings_unchanged():
    from pyframework.core.signals import setting_changed

    def refuse(setting, enter, **kwargs):
        if setting == "X_FRAME_OPTIONS" and enter:
            raise ValueError("refused")

    setting_changed.connect(refuse, dispatch_uid="test-refuse")
    try:
        with pytest.raises(ValueError):
            with override_settings(X_FRAME_OPTIONS="SAMEORIGIN"):
                pass
    finally:
        setting_changed.disconnect(dispatch_uid="test-refuse")
    assert settings.X_FRAME_OPTIONS == "DENY"
