"""serializers (json, jsonl, xml), dumpdata/loaddata and TestCase.fixtures on every test database."""
from __future__ import unicode_literals

import datetime
import decimal
import json
import os
import unittest
from contextlib import contextmanager

import pytest

from pyframework.core import serializers
from pyframework.core.management import CommandError, call_command
from pyframework.test import TestCase, override_settings
from pyframework.utils.compat import NativeStringIO
from pyframework.utils.timezone import utc

from fixture_app.models import Article, Author, Tag

HERE = os.path.dirname(os.path.abspath(__file__))
FORMATS = ["json", "jsonl", "xml"]


@contextmanager
def fixture_app_installed(**settings):
    with override_settings(INSTALLED_APPS=["fixture_app"], USE_TZ=True, **settings):
        yield


@pytest.fixture
def tables(create_tables):
    with fixture_app_installed(FIXTURE_DIRS=[os.path.join(HERE, "extra_fixtures")]):
        create_tables(Author, Tag, Article)
        yield


def make_data():
    ada = Author.objects.create(name="Ada", born=datetime.date(1815, 12, 10))
    grace = Author.objects.create(name="Grace")
    jvm, python = Tag.objects.create(label="jvm"), Tag.objects.create(label="python")
    article = Article.objects.create(
        title="Engines & <notes>", author=ada, editor=grace, body="line one\nline two \u00e9",
        published=datetime.datetime(2024, 2, 29, 12, 30, 15, 250000, tzinfo=utc),
        price=decimal.Decimal("1234.50"), featured=True)
    article.tags.set([jvm, python])
    Article.objects.create(title="Plain", author=grace, published=datetime.datetime(2020, 1, 1, tzinfo=utc),
                           price=decimal.Decimal("0.99"))
    return ada, grace, article


def snapshot():
    articles = [(a.pk, a.title, a.author.name, a.editor.name if a.editor else None,
                 sorted(t.label for t in a.tags.all()), a.published, a.price, a.featured, a.body)
                for a in Article.objects.order_by("pk")]
    authors = [(a.pk, a.name, a.born) for a in Author.objects.order_by("pk")]
    return articles, authors


def wipe():
    Article.tags.through.objects.all().delete()
    Article.objects.all().delete()
    Tag.objects.all().delete()
    Author.objects.all().delete()


def everything():
    return list(Author.objects.order_by("pk")) + list(Tag.objects.order_by("pk")) + list(Article.objects.all())


def test_round_trip_with_primary_keys(tables):
    make_data()
    before = snapshot()
    for fmt in FORMATS:
        text = serializers.serialize(fmt, everything())
        wipe()
        for obj in serializers.deserialize(fmt, text):
            obj.save()
        assert snapshot() == before, fmt


def test_round_trip_with_natural_keys(tables):
    make_data()
    articles, authors = snapshot()
    for fmt in FORMATS:
        text = serializers.serialize(fmt, everything(), use_natural_foreign_keys=True,
                                     use_natural_primary_keys=True)
        wipe()
        # Authors come back without their primary key (their natural key identifies them).
        for obj in serializers.deserialize(fmt, text):
            obj.save()
        after_articles, after_authors = snapshot()
        assert [a[1:] for a in after_articles] == [a[1:] for a in articles], fmt
        assert [a[1:] for a in after_authors] == [a[1:] for a in authors], fmt
        # Loading again updates the rows the natural keys find, instead of duplicating them.
        for obj in serializers.deserialize(fmt, text):
            obj.save()
        assert Author.objects.count() == 2, fmt


def test_json_shape_is_djangos(tables):
    ada, grace, article = make_data()
    data = json.loads(serializers.serialize("json", [article]))
    assert data == [{
        "model": "fixture_app.article", "pk": article.pk,
        "fields": {"title": "Engines & <notes>", "author": ada.pk, "editor": grace.pk,
                   "tags": sorted(t.pk for t in article.tags.all()),
                   "published": "2024-02-29T12:30:15.250Z", "price": "1234.50", "featured": True,
                   "body": "line one\nline two \u00e9"}}]
    natural = json.loads(serializers.serialize("json", [article], use_natural_foreign_keys=True))
    assert natural[0]["fields"]["author"] == ["Ada"] and natural[0]["fields"]["editor"] == ["Grace"]
    only = json.loads(serializers.serialize("json", [article], fields=["title", "author"]))
    assert sorted(only[0]["fields"]) == ["author", "title"]
    lines = serializers.serialize("jsonl", Author.objects.order_by("pk")).splitlines()
    assert [json.loads(line)["fields"]["name"] for line in lines] == ["Ada", "Grace"]


def test_xml_shape_is_djangos(tables):
    ada, grace, article = make_data()
    text = serializers.serialize("xml", [article], use_natural_foreign_keys=True)
    assert '<object model="fixture_app.article" pk="%d">' % article.pk in text
    assert '<field name="author" rel="ManyToOneRel" to="fixture_app.author"><natural>Ada</natural></field>' in text
    assert '<field name="title" type="CharField">Engines &amp; &lt;notes&gt;</field>' in text
    grace_text = serializers.serialize("xml", [Author.objects.get(name="Grace")])
    assert '<field name="born" type="DateField"><None></None></field>' in grace_text


def test_bad_input_is_a_deserialization_error(tables):
    with pytest.raises(serializers.DeserializationError):
        list(serializers.deserialize("json", "[{not json"))
    with pytest.raises(serializers.DeserializationError) as info:
        list(serializers.deserialize("json", '[{"model": "fixture_app.nosuch", "pk": 1, "fields": {}}]'))
    assert "Invalid model identifier: 'fixture_app.nosuch'" in str(info.value)
    with pytest.raises(serializers.DeserializationError):
        list(serializers.deserialize("xml", "<django-objects><object"))
    with pytest.raises(serializers.SerializerDoesNotExist):
        serializers.serialize("yaml-not-here", [])
    ignored = list(serializers.deserialize(
        "json", '[{"model": "fixture_app.tag", "pk": 1, "fields": {"label": "x", "gone": 1}}]',
        ignorenonexistent=True))
    assert ignored[0].object.label == "x"


def test_loaddata_from_the_apps_fixtures_folder_with_a_forward_natural_key(tables):
    out = NativeStringIO()
    call_command("loaddata", "articles", stdout=out)
    assert "Installed 5 object(s) from 1 fixture(s)" in out.getvalue()
    article = Article.objects.get(pk=1)
    assert article.author.name == "Grace" and article.author.pk == 8
    # A natural key naming a row further down the file, resolved at the end.
    assert article.editor.name == "Ada" and article.editor.pk == 7
    assert sorted(t.label for t in article.tags.all()) == ["jvm", "python"]
    assert article.published == datetime.datetime(2024, 2, 29, 12, 30, tzinfo=utc)
    assert article.price == decimal.Decimal("12.50") and article.featured is True
    # Sequences were moved past the loaded keys: new rows get fresh ones.
    assert Tag.objects.create(label="new").pk > 2
    assert Author.objects.create(name="New").pk > 7


def test_loaddata_from_fixture_dirs_and_paths(tables):
    call_command("loaddata", "authors.xml", "tags", verbosity=0)
    assert sorted(Author.objects.values_list("name", flat=True)) == ["Grace", "Linus"]
    assert Author.objects.get(name="Linus").born is None
    assert sorted(Tag.objects.values_list("label", flat=True)) == ["lines", "more"]
    call_command("loaddata", os.path.join(HERE, "extra_fixtures", "tags.jsonl"), verbosity=0)
    assert Tag.objects.count() == 2  # same primary keys: updated, not duplicated


def test_loaddata_errors(tables):
    with pytest.raises(CommandError) as info:
        call_command("loaddata", "no_such_fixture", verbosity=0)
    assert "No fixture named 'no_such_fixture' found." in str(info.value)
    with pytest.raises(CommandError) as info:
        call_command("loaddata", "articles.yamlish", verbosity=0)
    assert "is not a known serialization format" in str(info.value)


def test_loaddata_is_all_or_nothing(tables, tmpdir):
    broken = tmpdir.join("broken.json")
    broken.write('[{"model": "fixture_app.tag", "pk": 1, "fields": {"label": "kept?"}},'
                 ' {"model": "fixture_app.article", "pk": 1, "fields": {"title": "x", "author": 999,'
                 ' "published": "2024-01-01T00:00:00Z", "price": "1.00"}}]')
    with pytest.raises(Exception):
        call_command("loaddata", str(broken), verbosity=0)
    assert Tag.objects.count() == 0


def test_dumpdata_then_loaddata(tables, tmpdir):
    make_data()
    before = snapshot()
    out = NativeStringIO()
    call_command("dumpdata", "fixture_app", indent=2, stdout=out)
    dumped = json.loads(out.getvalue())
    assert [d["model"] for d in dumped][:2] == ["fixture_app.author", "fixture_app.author"]
    target = str(tmpdir.join("dump.xml"))
    call_command("dumpdata", "fixture_app.author", "fixture_app.tag", "fixture_app.article", format="xml",
                 output=target, use_natural_foreign_keys=True)
    wipe()
    call_command("loaddata", target, verbosity=0)
    assert snapshot() == before
    out = NativeStringIO()
    call_command("dumpdata", "fixture_app.tag", primary_keys="%d" % Tag.objects.get(label="jvm").pk, stdout=out)
    assert [d["fields"]["label"] for d in json.loads(out.getvalue())] == ["jvm"]
    out = NativeStringIO()
    call_command("dumpdata", "fixture_app", exclude=["fixture_app.tag"], stdout=out)
    assert "fixture_app.tag" not in set(d["model"] for d in json.loads(out.getvalue()))
    with pytest.raises(CommandError):
        call_command("dumpdata", "nosuchapp", stdout=NativeStringIO())
    with pytest.raises(CommandError):
        call_command("dumpdata", "fixture_app", exclude=["fixture_app.nosuch"], stdout=NativeStringIO())


class FixtureTests(TestCase):
    __test__ = False
    fixtures = ["articles", "tags.jsonl"]

    def test_fixtures_are_loaded(self):
        self.assertEqual(Article.objects.get(pk=1).editor.name, "Ada")
        self.assertEqual(Tag.objects.count(), 4)
        Author.objects.all().delete()

    def test_each_test_sees_them_again(self):
        self.assertEqual(Author.objects.count(), 2)


def test_testcase_fixtures(tables):
    result = unittest.TestResult()
    unittest.TestLoader().loadTestsFromTestCase(FixtureTests).run(result)
    assert not result.errors and not result.failures, result.errors + result.failures
    assert result.testsRun == 2
    assert Author.objects.count() == 0
