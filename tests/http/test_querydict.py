# -*- coding: utf-8 -*-
from __future__ import unicode_literals

import copy
import pickle

import pytest

from pyframework.core.exceptions import BadRequest, TooManyFieldsSent
from pyframework.http import QueryDict
from pyframework.http.querydict import parse_query_string
from pyframework.utils.datastructures import MultiValueDictKeyError


def test_multi_values_and_blanks_are_kept():
    q = QueryDict("a=1&a=2&b=&c&d=x")
    assert q["a"] == "2"
    assert q.getlist("a") == ["1", "2"]
    assert q["b"] == ""
    assert q["c"] == ""
    assert sorted(q.keys()) == ["a", "b", "c", "d"]
    assert sorted(q.lists()) == [("a", ["1", "2"]), ("b", [""]), ("c", [""]), ("d", ["x"])]
    assert q.dict() == {"a": "2", "b": "", "c": "", "d": "x"}


def test_empty_pairs_are_skipped():
    assert list(QueryDict("&&a=1&&").lists()) == [("a", ["1"])]
    assert len(QueryDict("")) == 0
    assert len(QueryDict(None)) == 0


def test_plus_is_space_and_percent_escapes_decode():
    q = QueryDict("name=John+Smith&sym=%2B%26%3D&caf%C3%A9=cr%C3%A8me")
    assert q["name"] == "John Smith"
    assert q["sym"] == "+&="
    assert q["café"] == "crème"


def test_bytes_query_string_and_other_encoding():
    q = QueryDict(b"v=%E9t%E9", encoding="latin-1")
    assert q["v"] == "été"
    assert q.encoding == "latin-1"


def test_missing_key_raises_keyerror_subclass():
    q = QueryDict("a=1")
    with pytest.raises(MultiValueDictKeyError):
        q["missing"]
    with pytest.raises(KeyError):
        q["missing"]
    assert q.get("missing") is None
    assert q.get("missing", "x") == "x"
    assert q.getlist("missing") == []
    assert q.getlist("missing", ["d"]) == ["d"]


@pytest.mark.parametrize("mutate", [
    lambda q: q.__setitem__("a", "2"),
    lambda q: q.__delitem__("a"),
    lambda q: q.setlist("a", ["2"]),
    lambda q: q.appendlist("a", "2"),
    lambda q: q.pop("a"),
    lambda q: q.popitem(),
    lambda q: q.clear(),
    lambda q: q.setdefault("b", "1"),
    lambda q: q.update({"b": "1"}),
])
def test_immutable_by_default(mutate):
    q = QueryDict("a=1")
    with pytest.raises(AttributeError) as info:
        mutate(q)
    assert "immutable" in str(info.value)
    assert q.getlist("a") == ["1"]


def test_copy_is_mutable_and_independent():
    q = QueryDict("a=1&a=2")
    c = q.copy()
    c.appendlist("a", "3")
    c["b"] = "x"
    assert c.getlist("a") == ["1", "2", "3"]
    assert q.getlist("a") == ["1", "2"]
    assert "b" not in q
    shallow = copy.copy(q)
    shallow.setlist("a", ["z"])
    assert q.getlist("a") == ["1", "2"]


def test_mutable_operations():
    q = QueryDict(mutable=True)
    q["a"] = "1"
    q.appendlist("a", "2")
    q.setlist("b", ["x", "y"])
    q.setlistdefault("c").append("z")
    assert q.getlist("a") == ["1", "2"]
    assert q.pop("b") == ["x", "y"]
    q.update({"a": "3"})
    assert q.getlist("a") == ["1", "2", "3"]
    assert q.setdefault("d", "4") == "4"
    assert q["c"] == "z"


def test_bytes_assigned_to_mutable_querydict_are_decoded():
    q = QueryDict(mutable=True)
    q[b"k"] = b"caf\xc3\xa9"
    assert q["k"] == "café"


def test_urlencode_round_trip():
    q = QueryDict("a=1&a=2&name=J%C3%BCrgen+M&empty=", mutable=True)
    encoded = q.urlencode()
    assert sorted(encoded.split("&")) == ["a=1", "a=2", "empty=", "name=J%C3%BCrgen+M"]
    assert QueryDict(encoded) == q
    q = QueryDict(mutable=True)
    q["next"] = "/a/b/"
    assert q.urlencode() == "next=%2Fa%2Fb%2F"
    assert q.urlencode(safe="/") == "next=/a/b/"


def test_fromkeys():
    q = QueryDict.fromkeys(["a", "a", "b"], value="v")
    assert q.getlist("a") == ["v", "v"]
    assert q["b"] == "v"
    with pytest.raises(AttributeError):
        q["c"] = "1"
    assert QueryDict.fromkeys(["x"], mutable=True)._mutable


def test_pickle_round_trip():
    q = QueryDict("a=1&a=2&b=3")
    restored = pickle.loads(pickle.dumps(q, 2))
    assert restored == q
    assert restored.getlist("a") == ["1", "2"]


@pytest.mark.parametrize("query, problem", [
    ("a=%", "percent-encoding"),
    ("a=%4", "percent-encoding"),
    ("a=%zz", "percent-encoding"),
    ("%G1=1", "percent-encoding"),
    ("a=100%", "percent-encoding"),
])
def test_bad_percent_encoding_is_a_bad_request(query, problem):
    with pytest.raises(BadRequest) as info:
        QueryDict(query)
    assert problem in str(info.value)


@pytest.mark.parametrize("query", ["a=%FF", "a=%C3", "%E9=1", b"a=\xff"])
def test_invalid_utf8_is_a_bad_request(query):
    with pytest.raises(BadRequest) as info:
        QueryDict(query)
    assert "utf-8" in str(info.value)


def test_too_many_fields(monkeypatch):
    from pyframework.conf import settings
    monkeypatch.setattr(settings, "DATA_UPLOAD_MAX_NUMBER_FIELDS", 3)
    assert len(QueryDict("a=1&b=2&c=3&&&")) == 3
    with pytest.raises(TooManyFieldsSent) as info:
        QueryDict("a=1&b=2&c=3&d=4")
    assert "DATA_UPLOAD_MAX_NUMBER_FIELDS" in str(info.value)


def test_parse_query_string_names_what_is_parsed():
    with pytest.raises(BadRequest) as info:
        parse_query_string(b"x=%ZZ", what="form data")
    assert "form data" in str(info.value)
    assert parse_query_string(b"a=1&b") == [("a", "1"), ("b", "")]
