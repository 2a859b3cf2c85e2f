# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import copy
import pickle

import pytest

from pyframework.utils.datastructures import (
    CaseInsensitiveMapping, DictWrapper, ImmutableList, MultiValueDict, MultiValueDictKeyError, OrderedSet,
)


def make():
    return MultiValueDict({"name": ["Adrian", "Simon"], "position": ["Developer"], "empty": []})


def test_multivaluedict_access():
    d = make()
    assert d["name"] == "Simon"
    assert d.get("name") == "Simon"
    assert d.getlist("name") == ["Adrian", "Simon"]
    assert d["empty"] == []
    assert d.get("empty", "default") == "default"
    assert sorted(d.items()) == [("empty", []), ("name", "Simon"), ("position", "Developer")]
    assert sorted(d.lists())[1] == ("name", ["Adrian", "Simon"])
    assert sorted(d.values(), key=str) == ["Developer", "Simon", []]
    with pytest.raises(MultiValueDictKeyError) as info:
        d["lastname"]
    assert "lastname" in str(info.value)
    assert repr(d).startswith("<MultiValueDict: {")


def test_getlist_returns_a_copy():
    d = make()
    d.getlist("name").append("Other")
    assert d.getlist("name") == ["Adrian", "Simon"]


def test_setters():
    d = MultiValueDict()
    d["a"] = "1"
    d.appendlist("a", "2")
    d.setlist("b", ["x"])
    d.setlistdefault("c", ["z"]).append("zz")
    assert d.setdefault("a", "ignored") == "2"
    assert d.setdefault("e", "new") == "new"
    assert d.getlist("a") == ["1", "2"]
    assert d.getlist("c") == ["z", "zz"]


def test_update_extends():
    d = MultiValueDict({"a": ["1"]})
    d.update({"a": "2"})
    d.update(MultiValueDict({"a": ["3", "4"]}))
    d.update([("a", "5")], b="6")
    assert d.getlist("a") == ["1", "2", "3", "4", "5"]
    assert d["b"] == "6"
    with pytest.raises(TypeError):
        d.update({}, {})


def test_copies_and_pickle():
    d = MultiValueDict({"a": [["nested"]]})
    shallow = copy.copy(d)
    deep = copy.deepcopy(d)
    d.getlist("a")[0].append("changed")
    assert shallow["a"] == ["nested", "changed"]
    assert deep["a"] == ["nested"]
    restored = pickle.loads(pickle.dumps(make(), 2))
    assert restored.getlist("name") == ["Adrian", "Simon"]
    assert d.copy().getlist("a") is not d.getlist("a")
    assert make().dict() == {"name": "Simon", "position": "Developer", "empty": []}


def test_immutable_list():
    items = ImmutableList([1, 2], warning="Form data is read-only.")
    assert items[0] == 1
    assert len(items) == 2
    for mutate in (lambda: items.append(3), lambda: items.__setitem__(0, 5), lambda: items.sort(),
                   lambda: items.pop()):
        with pytest.raises(AttributeError) as info:
            mutate()
        assert str(info.value) == "Form data is read-only."


def test_case_insensitive_mapping():
    mapping = CaseInsensitiveMapping({"Accept": "text/html", "X-Token": "abc"})
    assert mapping["accept"] == "text/html"
    assert mapping["ACCEPT"] == "text/html"
    assert "x-token" in mapping
    assert 42 not in mapping
    assert len(mapping) == 2
    assert sorted(mapping) == ["Accept", "X-Token"]
    assert mapping == {"ACCEPT": "text/html", "x-token": "abc"}
    assert mapping != {"Accept": "text/plain", "X-Token": "abc"}
    assert CaseInsensitiveMapping([("A", 1)])["a"] == 1
    with pytest.raises(KeyError):
        mapping["missing"]
    with pytest.raises(TypeError):
        mapping["New"] = "value"


def test_ordered_set_keeps_insertion_order():
    items = OrderedSet([3, 1, 2, 1])
    items.add(0)
    items.discard(5)
    items.remove(1)
    assert list(items) == [3, 2, 0] and list(reversed(items)) == [0, 2, 3]
    assert 2 in items and 1 not in items and len(items) == 3 and items
    assert repr(items) == "OrderedSet([3, 2, 0])" and repr(OrderedSet()) == "OrderedSet()"
    assert not OrderedSet()


def test_dict_wrapper_passes_prefixed_keys_through_the_function():
    wrapped = DictWrapper({"a": "x", "b": "y"}, lambda value: "*%s*" % value, "xx_")
    assert (wrapped["a"], wrapped["xx_b"]) == ("x", "*y*")
    assert "max %(xx_a)s %(b)s" % wrapped == "max *x* y"

