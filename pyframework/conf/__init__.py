"""Settings: a project's settings module layered over ``global_settings``.

``settings`` is lazy: the module named by ``PYFRAMEWORK_SETTINGS_MODULE`` is
imported on first attribute access, or ``settings.configure(...)`` is called
once, before that, to configure the framework without a module (tests, scripts).
"""
from __future__ import absolute_import, unicode_literals

import importlib
import os

from pyframework.conf import global_settings
from pyframework.core.exceptions import ImproperlyConfigured

ENVIRONMENT_VARIABLE = "PYFRAMEWORK_SETTINGS_MODULE"

# Settings whose value must be a list or tuple; a bare string here is a classic typo.
_SEQUENCE_SETTINGS = ("ALLOWED_HOSTS", "INSTALLED_APPS", "MIDDLEWARE", "STATICFILES_DIRS", "TEMPLATES")


def _is_setting_name(name):
    return name.isupper() and not name.startswith("_")


class Settings(object):
    """Settings read from ``global_settings`` then overridden by one module (or a dict)."""

    def __init__(self, settings_module=None, overrides=None):
        for name in dir(global_settings):
            if _is_setting_name(name):
                setattr(self, name, getattr(global_settings, name))
        self.SETTINGS_MODULE = settings_module
        if settings_module is not None:
            try:
                module = importlib.import_module(settings_module)
            except ImportError as exc:
                raise ImproperlyConfigured(
                    "Cannot import settings module %r (%s). Check %s and sys.path."
                    % (settings_module, exc, ENVIRONMENT_VARIABLE))
            overrides = dict((name, getattr(module, name)) for name in dir(module) if _is_setting_name(name))
        for name, value in (overrides or {}).items():
            setattr(self, name, value)
        self._check()

    def _check(self):
        where = self.SETTINGS_MODULE or "settings.configure()"
        for name in _SEQUENCE_SETTINGS:
            if not isinstance(getattr(self, name), (list, tuple)):
                raise ImproperlyConfigured("The %s setting must be a list or a tuple (in %s)." % (name, where))
        if not self.DEBUG and not self.SECRET_KEY:
            raise ImproperlyConfigured(
                "The SECRET_KEY setting must not be empty when DEBUG is False. "
                "Set SECRET_KEY in %s (for example from an environment variable)." % where)

    def is_overridden(self, name):
        return getattr(self, name) is not getattr(global_settings, name, None)


class UserSettingsHolder(object):
    """Settings layered over other settings: what ``override_settings`` installs.

    Reading a name not set here falls through to ``default_settings``; ``del``
    hides a setting of the layer below (``hasattr(settings, name)`` is then False).
    """

    def __init__(self, default_settings):
        self.__dict__["_deleted"] = set()
        self.default_settings = default_settings

    def __getattr__(self, name):
        if not _is_setting_name(name) or name in self._deleted:
            raise AttributeError(name)
        return getattr(self.default_settings, name)

    def __setattr__(self, name, value):
        self._deleted.discard(name)
        super(UserSettingsHolder, self).__setattr__(name, value)

    def __delattr__(self, name):
        self._deleted.add(name)
        if name in self.__dict__:
            super(UserSettingsHolder, self).__delattr__(name)

    def __dir__(self):
        return sorted(set(name for name in list(self.__dict__) + dir(self.default_settings)
                          if name not in self._deleted))

    def is_overridden(self, name):
        deleted = name in self._deleted
        set_locally = name in self.__dict__
        return deleted or set_locally or self.default_settings.is_overridden(name)


class LazySettings(object):
    """Proxy that loads the real ``Settings`` on first use."""

    def __init__(self):
        self.__dict__["_wrapped"] = None

    def _setup(self):
        module = os.environ.get(ENVIRONMENT_VARIABLE)
        if not module:
            raise ImproperlyConfigured(
                "Settings are not configured. Set the environment variable %s to your "
                "settings module (e.g. 'mysite.settings') or call settings.configure()."
                % ENVIRONMENT_VARIABLE)
        self._swap(Settings(module))

    def _swap(self, wrapped):
        """Install ``wrapped`` as the live settings and drop cached values."""
        self.__dict__.clear()
        self.__dict__["_wrapped"] = wrapped

    def __getattr__(self, name):
        # Only called for names not cached in __dict__: cache them, since settings
        # are read on every request and a proxy hop costs time on Jython.
        if self._wrapped is None:
            self._setup()
        value = getattr(self._wrapped, name)
        self.__dict__[name] = value
        return value

    def __setattr__(self, name, value):
        if self._wrapped is None:
            self._setup()
        self.__dict__.pop(name, None)
        setattr(self._wrapped, name, value)

    def __delattr__(self, name):
        if self._wrapped is None:
            self._setup()
        self.__dict__.pop(name, None)
        delattr(self._wrapped, name)

    def configure(self, **options):
        """Configure settings from keyword arguments instead of a module (once)."""
        if self._wrapped is not None:
            raise RuntimeError("Settings already configured.")
        self._swap(Settings(overrides=options))

    @property
    def configured(self):
        return self._wrapped is not None

    def _reset(self):
        """Forget the loaded settings (for tests that configure several projects)."""
        self._swap(None)


settings = LazySettings()
