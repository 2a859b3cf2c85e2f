"""Testing utilities: temporarily changing settings."""
from __future__ import absolute_import, unicode_literals

import inspect
from functools import wraps

from pyframework.conf import settings
from pyframework.core.signals import setting_changed

_MISSING = object()


class override_settings(object):
    """Change settings for the duration of a block, a test function or every test of a class.

    As a context manager::

        with override_settings(DEBUG=True):
            ...

    As a decorator on a function, or on a class (wraps each ``test*`` method).
    ``setting_changed`` is sent for each setting on entry and again on exit, so
    caches derived from settings can reset themselves.
    """

    def __init__(self, **options):
        self.options = options
        self._saved_stack = []

    def enable(self):
        settings.DEBUG  # noqa: B018 - loads the settings if nothing has yet
        wrapped = settings._wrapped
        saved = []
        for name, value in self.options.items():
            saved.append((name, wrapped.__dict__.get(name, _MISSING)))
            setattr(settings, name, value)
        self._saved_stack.append(saved)
        for name, value in self.options.items():
            setting_changed.send(sender=wrapped.__class__, setting=name, value=value, enter=True)

    def disable(self):
        saved = self._saved_stack.pop()
        wrapped = settings._wrapped
        for name, old_value in reversed(saved):
            if old_value is _MISSING:
                # The setting came from the class (global default): drop the instance value.
                delattr(settings, name)
            else:
                setattr(settings, name, old_value)
        for name, _ in saved:
            setting_changed.send(sender=wrapped.__class__, setting=name,
                                 value=getattr(settings, name, None), enter=False)

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self.disable()

    def __call__(self, decorated):
        if inspect.isclass(decorated):
            return self._decorate_class(decorated)
        return self._decorate_callable(decorated)

    def _decorate_callable(self, func):
        @wraps(func)
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        # Python 2's functools.wraps doesn't set __wrapped__; pytest needs it to see fixture arguments.
        wrapper.__wrapped__ = func
        return wrapper

    def _decorate_class(self, cls):
        for name in list(vars(cls)):
            method = vars(cls)[name]
            if name.startswith("test") and inspect.isfunction(method):
                setattr(cls, name, self._decorate_callable(method))
        return cls
