"""pyframework's version, and Python version flags (Django's ``utils.version``)."""
from __future__ import absolute_import, unicode_literals

import sys

# Flags for code that depends on the Python version (never true on Jython 2.7).
PY38 = sys.version_info >= (3, 8)
PY39 = sys.version_info >= (3, 9)
PY310 = sys.version_info >= (3, 10)
PY311 = sys.version_info >= (3, 11)
PY312 = sys.version_info >= (3, 12)
PY313 = sys.version_info >= (3, 13)
PY314 = sys.version_info >= (3, 14)


def get_complete_version(version=None):
    """``version`` or pyframework's own VERSION tuple."""
    if version is None:
        from pyframework import VERSION  # the package root imports nothing of utils: no cycle

        version = VERSION
    return tuple(version)


def get_version(version=None):
    """The version as text: ``(1, 2, 0)`` -> ``"1.2"``, ``(1, 2, 3)`` -> ``"1.2.3"``; Django's
    five-part tuples (``(5, 2, 0, "alpha", 1)``) give ``"5.2a1"``."""
    version = get_complete_version(version)
    main = get_main_version(version)
    if len(version) < 5 or version[3] == "final":
        return main
    mapping = {"alpha": "a", "beta": "b", "rc": "rc"}
    return main + mapping[version[3]] + str(version[4])


def get_main_version(version=None):
    """``"X.Y"``, or ``"X.Y.Z"`` when the third part is not zero."""
    version = get_complete_version(version)
    parts = 2 if version[2] == 0 else 3
    return ".".join(str(part) for part in version[:parts])


def get_docs_version(version=None):
    """The documentation's version: ``"X.Y"``."""
    version = get_complete_version(version)
    return "%d.%d" % version[:2]


def get_version_tuple(version):
    """``"1.2.3"`` -> ``(1, 2, 3)``; parts after the first non-numeric one are dropped."""
    numbers = []
    for item in version.split("."):
        digits = ""
        for char in item:
            if not char.isdigit():
                break
            digits += char
        if not digits:
            break
        numbers.append(int(digits))
        if digits != item:
            break
    return tuple(numbers)
