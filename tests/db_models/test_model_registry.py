"""The app registry's model side: importing <app>.models, get_model(), lazy references."""
from __future__ import unicode_literals

import sys
import textwrap

import pytest

from pyframework.apps import apps
from pyframework.db import models


@pytest.fixture
def fresh_registry(tmpdir):
    """The global registry emptied for one test, then restored."""
    saved = (apps.app_configs, apps.ready, apps.apps_ready, apps.models_ready)
    sys.path.insert(0, str(tmpdir))
    apps.clear()
    try:
        yield tmpdir
    finally:
        sys.path.remove(str(tmpdir))
        apps.app_configs, apps.ready, apps.apps_ready, apps.models_ready = saved
        apps.all_models.pop("regshop", None)
        apps.clear_cache()
        for name in list(sys.modules):
            if name.startswith("regshop"):
                del sys.modules[name]


def write_app(root, files):
    package = root.mkdir("regshop")
    package.join("__init__.py").write("")
    for name, text in files.items():
        package.join(name).write(textwrap.dedent(text))


def test_populate_imports_models_and_labels_them(fresh_registry):
    write_app(fresh_registry, {"models.py": """
        from pyframework.db import models

        class Item(models.Model):
            name = models.CharField(max_length=10)
            maker = models.ForeignKey("Maker", on_delete=models.CASCADE)

        class Maker(models.Model):
            pass
    """})
    apps.populate(["regshop"])
    config = apps.get_app_config("regshop")
    assert config.models_module is not None
    item = apps.get_model("regshop", "Item")
    assert item._meta.app_label == "regshop"
    assert item._meta.db_table == "regshop_item"
    assert sorted(m.__name__ for m in config.get_models()) == ["Item", "Maker"]
    assert config.get_model("maker") is apps.get_model("regshop.Maker")
    assert item._meta.get_field("maker").remote_field.model is apps.get_model("regshop", "Maker")


def test_an_app_without_models_is_fine(fresh_registry):
    write_app(fresh_registry, {"views.py": "X = 1\n"})
    apps.populate(["regshop"])
    assert apps.get_app_config("regshop").models_module is None
    assert apps.get_app_config("regshop").get_models() == []


def test_import_errors_inside_models_are_not_hidden(fresh_registry):
    write_app(fresh_registry, {"models.py": "import regshop_missing_dependency\n"})
    with pytest.raises(ImportError) as info:
        apps.populate(["regshop"])
    assert "regshop_missing_dependency" in str(info.value)


def test_lazy_model_operation_waits_for_every_model():
    calls = []
    apps.lazy_model_operation(lambda a, b: calls.append((a.__name__, b.__name__)),
                              ("dbm_reg", "first"), ("dbm_reg", "second"))

    class First(models.Model):
        class Meta:
            app_label = "dbm_reg"

    assert calls == []

    class Second(models.Model):
        class Meta:
            app_label = "dbm_reg"

    assert calls == [("First", "Second")]
    apps.lazy_model_operation(lambda a: calls.append(a.__name__), ("dbm_reg", "first"))
    assert calls[-1] == "First"


def test_conflicting_model_names_in_one_app_are_refused():
    class Unique(models.Model):
        class Meta:
            app_label = "dbm_reg"

    with pytest.raises(RuntimeError) as info:
        type(str("Unique"), (models.Model,), {
            "__module__": "elsewhere", "Meta": type(str("Meta"), (), {"app_label": "dbm_reg"})})
    assert "Conflicting 'unique' models" in str(info.value)
