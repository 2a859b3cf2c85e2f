"""pyframework.utils.module_loading, Django's dotted-path import helpers."""
from __future__ import unicode_literals

import os

import pytest

import pyframework.contrib.auth as auth_package
from pyframework.utils import module_loading
from pyframework.utils.module_loading import cached_import, import_string, module_dir, module_has_submodule


def test_import_string_and_cached_import():
    assert import_string("os.path.join") is os.path.join
    assert cached_import("os.path", "join") is os.path.join
    assert import_string("pyframework.utils.module_loading.import_string") is import_string
    with pytest.raises(ImportError) as info:
        import_string("os.path.no_such_name")
    assert "no_such_name" in str(info.value)
    with pytest.raises(ImportError):
        import_string("nodots")
    with pytest.raises(ImportError):
        import_string("no_such_package_xyz.name")


def test_module_has_submodule_does_not_import():
    assert module_has_submodule(auth_package, "hashers")
    assert not module_has_submodule(auth_package, "no_such_module")
    assert not module_has_submodule(module_loading, "anything")  # a module, not a package


def test_module_dir():
    assert module_dir(auth_package) == os.path.dirname(auth_package.__file__)
