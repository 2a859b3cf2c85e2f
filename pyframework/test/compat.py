"""The differences between Python 2.7's (Jython's) and Python 3's unittest and html.parser.

``pyframework.utils.compat`` holds the framework's runtime differences; this module
holds those only the test tools need, so production code does not import them.
``UnittestBackports`` gives Python 2.7's ``unittest.TestCase`` the Python 3 methods
Django's tests use (``subTest``, ``addClassCleanup``, ``assertCountEqual``,
``assertRaisesRegex``, ``assertRegex``, ``assertNotRegex``, ``assertLogs``,
``assertWarns``); on Python 3 it adds nothing.
"""
from __future__ import absolute_import, unicode_literals

import logging
import re
import unittest
import warnings
from contextlib import contextmanager

from pyframework.utils.compat import PY2

if PY2:  # pragma: no cover - Jython
    from HTMLParser import HTMLParser as _StdlibHTMLParser
    from htmlentitydefs import name2codepoint  # noqa: F401

    class HTMLParser(_StdlibHTMLParser):
        """Entity and character references arrive in handle_entityref/handle_charref."""

else:
    from html.entities import name2codepoint  # noqa: F401
    from html.parser import HTMLParser as _StdlibHTMLParser

    class HTMLParser(_StdlibHTMLParser):
        """Entity and character references arrive in handle_entityref/handle_charref, as on Python 2."""

        def __init__(self):
            _StdlibHTMLParser.__init__(self, convert_charrefs=False)


if PY2:  # pragma: no cover - Jython

    class _LogCapture(logging.Handler):
        def __init__(self, level):
            logging.Handler.__init__(self, level)
            self.records = []
            self.output = []

        def emit(self, record):
            self.records.append(record)
            self.output.append("%s:%s:%s" % (record.levelname, record.name, record.getMessage()))

    class UnittestBackports(object):
        """Python 3's unittest methods for Python 2.7's TestCase."""

        _class_cleanups = None

        @contextmanager
        def subTest(self, msg=None, **params):
            # Python 2.7 has no sub-tests: the first failing case fails the test, named in the message.
            try:
                yield
            except self.failureException as exc:
                label = ", ".join("%s=%r" % item for item in sorted(params.items()))
                raise self.failureException("%s [%s] %s" % (msg or "", label, exc))

        @classmethod
        def addClassCleanup(cls, function, *args, **kwargs):
            if cls.__dict__.get("_class_cleanups") is None:
                cls._class_cleanups = []
            cls._class_cleanups.append((function, args, kwargs))

        @classmethod
        def doClassCleanups(cls):
            cleanups = cls.__dict__.get("_class_cleanups") or []
            errors = []
            while cleanups:
                function, args, kwargs = cleanups.pop()
                try:
                    function(*args, **kwargs)
                except Exception as exc:  # noqa: BLE001 - every cleanup runs; the first error is raised
                    errors.append(exc)
            if errors:
                raise errors[0]

        def assertCountEqual(self, first, second, msg=None):
            return self.assertItemsEqual(first, second, msg)

        def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
            return self.assertRaisesRegexp(expected_exception, expected_regex, *args, **kwargs)

        def assertRegex(self, text, expected_regex, msg=None):
            return self.assertRegexpMatches(text, expected_regex, msg)

        def assertNotRegex(self, text, unexpected_regex, msg=None):
            return self.assertNotRegexpMatches(text, unexpected_regex, msg)

        @contextmanager
        def assertLogs(self, logger=None, level=None):
            target = logger if isinstance(logger, logging.Logger) else logging.getLogger(logger)
            level = logging.INFO if level is None else (
                logging.getLevelName(level) if not isinstance(level, int) else level)
            handler = _LogCapture(level)
            old = (target.handlers[:], target.level, target.propagate)
            target.handlers = [handler]
            target.setLevel(level)
            target.propagate = False
            try:
                yield handler
            finally:
                target.handlers, target.level, target.propagate = old
            if not handler.records:
                raise self.failureException("no logs of level %s or higher triggered on %s"
                                            % (logging.getLevelName(level), target.name))

        @contextmanager
        def assertWarns(self, expected_warning, *args, **kwargs):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                yield caught
            if not any(issubclass(w.category, expected_warning) for w in caught):
                raise self.failureException("%s not triggered" % expected_warning.__name__)

        @contextmanager
        def assertWarnsRegex(self, expected_warning, expected_regex, *args, **kwargs):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                yield caught
            pattern = re.compile(expected_regex)
            if not any(issubclass(w.category, expected_warning) and pattern.search(str(w.message))
                       for w in caught):
                raise self.failureException('"%s" does not match any %s' % (expected_regex, expected_warning.__name__))

    HAS_NATIVE_CLASS_CLEANUPS = False

else:

    class UnittestBackports(object):
        """Python 3's unittest has everything."""

    HAS_NATIVE_CLASS_CLEANUPS = hasattr(unittest.TestCase, "addClassCleanup")
