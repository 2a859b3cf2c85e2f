"""GenericForeignKey and GenericRelation on every test database: assignment, managers, lookups, cascades."""
from __future__ import unicode_literals

import pytest

from project_settings_support import installed_apps
from pyframework.contrib.contenttypes.checks import check_generic_foreign_keys
from pyframework.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from pyframework.contrib.contenttypes.models import ContentType
from pyframework.db.models.query_utils import FieldError
from pyframework.core.management import call_command
from pyframework.db import models
from pyframework.db.models import Count


# DO_NOTHING on the keys to ContentType: these models are registered for the whole suite, and with
# CASCADE deleting any content type elsewhere (remove_stale_contenttypes' tests) would look for their rows.
class TaggedItem(models.Model):
    tag = models.SlugField()
    content_type = models.ForeignKey(ContentType, on_delete=models.DO_NOTHING)
    object_id = models.PositiveIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")

    class Meta:
        app_label = "ct_fields_tests"
        ordering = ["tag", "id"]

    def __str__(self):
        return self.tag


class Bookmark(models.Model):
    url = models.CharField(max_length=100)
    tags = GenericRelation(TaggedItem, related_query_name="bookmark")

    class Meta:
        app_label = "ct_fields_tests"


class Note(models.Model):
    text = models.CharField(max_length=100)
    tags = GenericRelation(TaggedItem)

    class Meta:
        app_label = "ct_fields_tests"


class Comment(models.Model):
    """Points at a note or a bookmark; deleting the target deletes the comment's tags too."""
    body = models.CharField(max_length=100)
    content_type = models.ForeignKey(ContentType, on_delete=models.DO_NOTHING)
    object_id = models.PositiveIntegerField()
    target = GenericForeignKey()
    tags = GenericRelation(TaggedItem)

    class Meta:
        app_label = "ct_fields_tests"


@pytest.fixture
def gdb(db, create_tables):
    with installed_apps(["pyframework.contrib.contenttypes"]):
        call_command("migrate", verbosity=0)
        ContentType.objects.clear_cache()
        create_tables(TaggedItem, Bookmark, Note, Comment)
        try:
            yield db
        finally:
            ContentType.objects.clear_cache()


@pytest.mark.usefixtures("gdb")
def test_generic_foreign_key_assignment_and_loading(assert_num_queries):
    bookmark = Bookmark.objects.create(url="https://example.com/")
    item = TaggedItem.objects.create(tag="python", content_object=bookmark)
    assert item.content_type == ContentType.objects.get_for_model(Bookmark)
    assert item.object_id == bookmark.pk and item.content_object is bookmark
    fresh = TaggedItem.objects.get(pk=item.pk)
    assert fresh.content_object == bookmark
    with assert_num_queries(0):
        assert fresh.content_object == bookmark  # cached on the instance
    note = Note.objects.create(text="n")
    fresh.content_object = note
    fresh.save()
    assert TaggedItem.objects.get(pk=item.pk).content_object == note
    note.delete()  # the tagged item went with it (GenericRelation cascade)
    assert not TaggedItem.objects.filter(pk=item.pk).exists()
    orphan = TaggedItem(tag="x", content_type=ContentType.objects.get_for_model(Note), object_id=999)
    assert orphan.content_object is None
    with pytest.raises(ValueError):
        TaggedItem(tag="unsaved", content_object=Note(text="not saved")).save()


@pytest.mark.usefixtures("gdb")
def test_generic_relation_manager():
    bookmark = Bookmark.objects.create(url="a")
    other = Bookmark.objects.create(url="b")
    note = Note.objects.create(text="same pk space")
    django = bookmark.tags.create(tag="django")
    bookmark.tags.create(tag="python")
    other.tags.create(tag="java")
    note.tags.create(tag="django")
    assert [t.tag for t in bookmark.tags.all()] == ["django", "python"]
    assert [t.tag for t in note.tags.all()] == ["django"]  # same object_id, other content type
    loose = TaggedItem.objects.create(tag="jython", content_object=other)
    bookmark.tags.add(loose)
    assert sorted(t.tag for t in bookmark.tags.all()) == ["django", "jython", "python"]
    assert [t.tag for t in other.tags.all()] == ["java"]
    bookmark.tags.remove(django)
    assert not TaggedItem.objects.filter(pk=django.pk).exists()  # removed generic rows are deleted
    bookmark.tags.set([loose])
    assert [t.tag for t in bookmark.tags.all()] == ["jython"]
    tag, created = bookmark.tags.get_or_create(tag="jython")
    assert not created and tag == loose
    bookmark.tags.clear()
    assert bookmark.tags.count() == 0 and other.tags.count() == 1
    with pytest.raises(TypeError):
        bookmark.tags.add(note)
    with pytest.raises(TypeError):
        bookmark.tags = []


@pytest.mark.usefixtures("gdb")
def test_lookups_across_generic_relations():
    first = Bookmark.objects.create(url="first")
    second = Bookmark.objects.create(url="second")
    note = Note.objects.create(text="note")
    assert first.pk == note.pk  # the content type keeps their tags apart
    first.tags.create(tag="django")
    first.tags.create(tag="python")
    second.tags.create(tag="python")
    note.tags.create(tag="rust")
    assert [b.url for b in Bookmark.objects.filter(tags__tag="django")] == ["first"]
    assert [b.url for b in Bookmark.objects.filter(tags__tag="python").order_by("url")] == ["first", "second"]
    assert list(Bookmark.objects.filter(tags__tag="rust")) == []
    assert [b.url for b in Bookmark.objects.exclude(tags__tag="django")] == ["second"]
    counts = dict(Bookmark.objects.annotate(n=Count("tags")).values_list("url", "n"))
    assert counts == {"first": 2, "second": 1}
    assert sorted(t.tag for t in TaggedItem.objects.filter(bookmark__url="first")) == ["django", "python"]
    assert list(TaggedItem.objects.filter(bookmark__url="note")) == []
    with pytest.raises(FieldError) as info:
        TaggedItem.objects.filter(content_object=first)
    assert "GenericRelation" in "%s" % info.value


def test_prefetch_both_ways(gdb, assert_num_queries):
    bookmarks = [Bookmark.objects.create(url="u%d" % i) for i in range(3)]
    note = Note.objects.create(text="n")
    for bookmark in bookmarks:
        bookmark.tags.create(tag="t-%s" % bookmark.url)
    note.tags.create(tag="t-note")
    with assert_num_queries(2):
        found = list(Bookmark.objects.order_by("url").prefetch_related("tags"))
        assert [[t.tag for t in b.tags.all()] for b in found] == [["t-u0"], ["t-u1"], ["t-u2"]]
    ContentType.objects.get_for_models(Bookmark, Note)  # warm the cache: the counts below are rows only
    with assert_num_queries(3):  # the items, then one query per content type
        items = list(TaggedItem.objects.order_by("tag").prefetch_related("content_object"))
        assert [i.content_object for i in items] == [note] + bookmarks  # "t-note" sorts first


@pytest.mark.usefixtures("gdb")
def test_cascade_reaches_generic_rows_of_cascaded_rows():
    bookmark = Bookmark.objects.create(url="doomed")
    comment = Comment.objects.create(body="nice", target=bookmark)
    comment.tags.create(tag="on-comment")
    bookmark.tags.create(tag="on-bookmark")
    kept = Bookmark.objects.create(url="kept")
    kept.tags.create(tag="kept")
    total, per_model = bookmark.delete()
    # Comment has no GenericRelation to Bookmark: a GenericForeignKey alone never cascades (as in Django).
    assert per_model == {"ct_fields_tests.Bookmark": 1, "ct_fields_tests.TaggedItem": 1}
    assert Comment.objects.count() == 1
    comment.delete()
    assert [t.tag for t in TaggedItem.objects.all()] == ["kept"]


def test_checks_of_generic_fields():
    class BrokenItem(models.Model):
        kind = models.CharField(max_length=10)
        target = GenericForeignKey("kind", "missing_id")
        other = GenericForeignKey("kind", "id")

        class Meta:
            app_label = "ct_fields_broken"

    ids = sorted(e.id for e in check_generic_foreign_keys() if e.obj.model is BrokenItem)
    assert ids == ["contenttypes.E001", "contenttypes.E003"]
    assert [e for e in check_generic_foreign_keys() if e.obj.model is TaggedItem] == []
