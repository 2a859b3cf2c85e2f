"""ForeignKey, OneToOneField and ManyToManyField accessors and related managers."""
from __future__ import unicode_literals

import pytest

from pyframework.db import models
from pyframework.db.models import signals


class Writer(models.Model):
    name = models.CharField(max_length=30)

    class Meta:
        app_label = "dbm_rel"
        ordering = ["name"]


class Label(models.Model):
    name = models.CharField(max_length=30)

    class Meta:
        app_label = "dbm_rel"
        ordering = ["name"]


class Novel(models.Model):
    title = models.CharField(max_length=30)
    writer = models.ForeignKey(Writer, on_delete=models.CASCADE, related_name="novels")
    editor = models.ForeignKey(Writer, null=True, blank=True, on_delete=models.SET_NULL, related_name="edited")
    labels = models.ManyToManyField(Label, related_name="novels")

    class Meta:
        app_label = "dbm_rel"
        ordering = ["title"]


class Profile(models.Model):
    writer = models.OneToOneField(Writer, on_delete=models.CASCADE)
    bio = models.TextField(blank=True)

    class Meta:
        app_label = "dbm_rel"


class Person(models.Model):
    name = models.CharField(max_length=30)
    friends = models.ManyToManyField("self")
    follows = models.ManyToManyField("self", symmetrical=False, related_name="followers")
    groups = models.ManyToManyField("Club", through="Membership", related_name="members")

    class Meta:
        app_label = "dbm_rel"
        ordering = ["name"]


class Club(models.Model):
    name = models.CharField(max_length=30)

    class Meta:
        app_label = "dbm_rel"


class Membership(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE)
    club = models.ForeignKey(Club, on_delete=models.CASCADE)
    role = models.CharField(max_length=20, default="member")

    class Meta:
        app_label = "dbm_rel"


ALL = (Writer, Label, Novel, Profile, Person, Club, Membership)


def names(objs):
    return [getattr(obj, "name", None) or obj.title for obj in objs]


def test_forward_foreign_key_is_cached(db, create_tables, assert_num_queries):
    create_tables(*ALL)
    ann = Writer.objects.create(name="Ann")
    novel = Novel.objects.create(title="N", writer=ann)
    assert novel.writer_id == ann.pk
    loaded = Novel.objects.get(pk=novel.pk)
    with assert_num_queries(1):
        assert loaded.writer == ann
        assert loaded.writer.name == "Ann"
    assert loaded.editor is None
    with pytest.raises(ValueError):
        loaded.writer = Label(name="wrong type")


def test_changing_the_id_forgets_the_cached_object(db, create_tables):
    create_tables(*ALL)
    ann, bob = Writer.objects.create(name="Ann"), Writer.objects.create(name="Bob")
    novel = Novel.objects.create(title="N", writer=ann)
    assert novel.writer.name == "Ann"
    novel.writer_id = bob.pk
    assert novel.writer.name == "Bob"


def test_missing_required_relation_raises_related_does_not_exist(db, create_tables):
    create_tables(*ALL)
    novel = Novel(title="orphan")
    with pytest.raises(Novel.writer.RelatedObjectDoesNotExist):
        novel.writer
    assert issubclass(Novel.writer.RelatedObjectDoesNotExist, Writer.DoesNotExist)
    assert not hasattr(novel, "writer")


def test_reverse_foreign_key_manager(db, create_tables):
    create_tables(*ALL)
    ann = Writer.objects.create(name="Ann")
    first = ann.novels.create(title="B first")
    second = Novel.objects.create(title="A second", writer=ann)
    assert first.writer == ann
    assert names(ann.novels.all()) == ["A second", "B first"]
    assert ann.novels.count() == 2
    assert names(ann.novels.filter(title__startswith="B")) == ["B first"]
    obj, created = ann.novels.get_or_create(title="C third")
    assert created and obj.writer_id == ann.pk
    bob = Writer.objects.create(name="Bob")
    bob.novels.add(second)
    assert second.writer_id == bob.pk
    assert names(bob.novels.all()) == ["A second"]
    with pytest.raises(TypeError):
        ann.novels = []
    assert not hasattr(ann.novels, "remove")  # non-null key: rows can't be detached


def test_reverse_manager_of_nullable_key_removes_and_clears(db, create_tables):
    create_tables(*ALL)
    ann, bob = Writer.objects.create(name="Ann"), Writer.objects.create(name="Bob")
    n1 = Novel.objects.create(title="1", writer=ann, editor=bob)
    n2 = Novel.objects.create(title="2", writer=ann, editor=bob)
    n3 = Novel.objects.create(title="3", writer=ann)
    assert names(bob.edited.all()) == ["1", "2"]
    bob.edited.remove(n1)
    assert names(bob.edited.all()) == ["2"]
    assert n1.editor_id is None
    with pytest.raises(Writer.DoesNotExist):
        bob.edited.remove(n3)
    bob.edited.set([n2, n3])
    assert names(bob.edited.all()) == ["2", "3"]
    bob.edited.clear()
    assert list(bob.edited.all()) == []
    assert Novel.objects.filter(editor__isnull=True).count() == 3


def test_reverse_manager_needs_a_saved_instance():
    with pytest.raises(ValueError):
        Writer(name="unsaved").novels.all()


def test_one_to_one_both_directions(db, create_tables, assert_num_queries):
    create_tables(*ALL)
    ann = Writer.objects.create(name="Ann")
    with pytest.raises(Writer.profile.RelatedObjectDoesNotExist):
        ann.profile
    profile = Profile.objects.create(writer=ann, bio="b")
    assert ann.profile == profile  # not cached as missing forever: assignment side caches
    fresh = Writer.objects.get(pk=ann.pk)
    with assert_num_queries(1):
        assert fresh.profile.bio == "b"
        assert fresh.profile.writer is fresh
    assert Profile.objects.get(pk=profile.pk).writer == ann


def test_many_to_many_add_remove_set_clear(db, create_tables):
    create_tables(*ALL)
    ann = Writer.objects.create(name="Ann")
    novel = Novel.objects.create(title="N", writer=ann)
    red, blue, green = [Label.objects.create(name=n) for n in ("red", "blue", "green")]
    novel.labels.add(red, blue)
    novel.labels.add(red)  # already there: no duplicate row
    assert names(novel.labels.all()) == ["blue", "red"]
    assert names(red.novels.all()) == ["N"]
    novel.labels.remove(blue)
    assert names(novel.labels.all()) == ["red"]
    novel.labels.set([green, blue])
    assert names(novel.labels.all()) == ["blue", "green"]
    novel.labels.add(red.pk)  # primary keys work too
    assert novel.labels.count() == 3
    made = novel.labels.create(name="amber")
    assert names(novel.labels.all()) == ["amber", "blue", "green", "red"]
    assert names(made.novels.all()) == ["N"]
    red.novels.clear()
    assert names(novel.labels.all()) == ["amber", "blue", "green"]
    novel.labels.clear()
    assert novel.labels.count() == 0
    with pytest.raises(TypeError):
        novel.labels = [red]
    with pytest.raises(ValueError):
        Novel(title="unsaved", writer=ann).labels.all()


def test_m2m_changed_signal(db, create_tables):
    create_tables(*ALL)
    ann = Writer.objects.create(name="Ann")
    novel = Novel.objects.create(title="N", writer=ann)
    red = Label.objects.create(name="red")
    events = []

    def record(sender, action, instance, pk_set, reverse, **kwargs):
        events.append((action, instance, pk_set, reverse))

    through = Novel.labels.through
    signals.m2m_changed.connect(record, sender=through)
    try:
        novel.labels.add(red)
        novel.labels.remove(red)
        red.novels.add(novel)
        novel.labels.clear()
    finally:
        signals.m2m_changed.disconnect(record, sender=through)
    assert events == [
        ("pre_add", novel, {red.pk}, False), ("post_add", novel, {red.pk}, False),
        ("pre_remove", novel, {red.pk}, False), ("post_remove", novel, {red.pk}, False),
        ("pre_add", red, {novel.pk}, True), ("post_add", red, {novel.pk}, True),
        ("pre_clear", novel, None, False), ("post_clear", novel, None, False),
    ]


def test_symmetrical_self_relation(db, create_tables):
    create_tables(*ALL)
    ann, bob, cid = [Person.objects.create(name=n) for n in ("ann", "bob", "cid")]
    ann.friends.add(bob, cid)
    assert names(ann.friends.all()) == ["bob", "cid"]
    assert names(bob.friends.all()) == ["ann"]
    bob.friends.remove(ann)
    assert names(ann.friends.all()) == ["cid"]
    assert not hasattr(Person, "person_set")


def test_asymmetrical_self_relation(db, create_tables):
    create_tables(*ALL)
    ann, bob = Person.objects.create(name="ann"), Person.objects.create(name="bob")
    ann.follows.add(bob)
    assert names(ann.follows.all()) == ["bob"]
    assert list(bob.follows.all()) == []
    assert names(bob.followers.all()) == ["ann"]


def test_explicit_through_model(db, create_tables):
    create_tables(*ALL)
    ann = Person.objects.create(name="ann")
    chess = Club.objects.create(name="chess")
    Membership.objects.create(person=ann, club=chess, role="captain")
    assert Person._meta.get_field("groups").remote_field.through is Membership
    assert [c.name for c in ann.groups.all()] == ["chess"]
    assert names(chess.members.all()) == ["ann"]
    go = Club.objects.create(name="go")
    ann.groups.add(go, through_defaults={"role": "rookie"})
    assert Membership.objects.get(club=go).role == "rookie"


def test_lookups_across_relations(db, create_tables):
    create_tables(*ALL)
    ann, bob = Writer.objects.create(name="Ann"), Writer.objects.create(name="Bob")
    red = Label.objects.create(name="red")
    n1 = Novel.objects.create(title="1", writer=ann)
    Novel.objects.create(title="2", writer=bob)
    n1.labels.add(red)
    assert names(Novel.objects.filter(writer__name="Ann")) == ["1"]
    assert names(Writer.objects.filter(novels__title="2")) == ["Bob"]
    assert names(Novel.objects.filter(labels__name="red")) == ["1"]
    assert names(Label.objects.filter(novels__writer=ann)) == ["red"]


def test_string_reference_to_a_model_declared_later_resolves():
    class Early(models.Model):
        target = models.ForeignKey("dbm_rel.Late", on_delete=models.CASCADE)

        class Meta:
            app_label = "dbm_rel"

    assert Early._meta.get_field("target").remote_field.model == "dbm_rel.Late"

    class Late(models.Model):
        class Meta:
            app_label = "dbm_rel"

    assert Early._meta.get_field("target").remote_field.model is Late
    assert isinstance(Late.early_set, type(Writer.novels))


def test_prefetched_and_selected_relations_need_no_more_queries(db, create_tables, assert_num_queries):
    create_tables(*ALL)
    ann, bob = Writer.objects.create(name="Ann"), Writer.objects.create(name="Bob")
    red, blue = Label.objects.create(name="red"), Label.objects.create(name="blue")
    n1 = Novel.objects.create(title="1", writer=ann)
    n2 = Novel.objects.create(title="2", writer=ann)
    Novel.objects.create(title="3", writer=bob)
    n1.labels.add(red, blue)
    n2.labels.add(red)
    with assert_num_queries(2):
        writers = list(Writer.objects.prefetch_related("novels"))
        assert [names(w.novels.all()) for w in writers] == [["1", "2"], ["3"]]
    with assert_num_queries(2):
        novels = list(Novel.objects.prefetch_related("labels"))
        assert [sorted(names(n.labels.all())) for n in novels] == [["blue", "red"], ["red"], []]
    with assert_num_queries(2):
        labels = list(Label.objects.prefetch_related("novels"))
        assert [sorted(names(label.novels.all())) for label in labels] == [["1"], ["1", "2"]]
    with assert_num_queries(1):
        novels = list(Novel.objects.select_related("writer"))
        assert [n.writer.name for n in novels] == ["Ann", "Ann", "Bob"]


def test_writes_through_a_related_manager_drop_its_prefetched_set(db, create_tables):
    create_tables(*ALL)
    ann, bob = Writer.objects.create(name="Ann"), Writer.objects.create(name="Bob")
    red = Label.objects.create(name="red")
    first = Novel.objects.create(title="1", writer=ann)

    def ann_prefetched():
        return Writer.objects.prefetch_related("novels", "edited").get(pk=ann.pk)

    writer = ann_prefetched()
    writer.novels.create(title="2")
    assert names(writer.novels.all()) == ["1", "2"]
    writer = ann_prefetched()
    writer.novels.get_or_create(title="3")
    assert names(writer.novels.all()) == ["1", "2", "3"]
    writer = ann_prefetched()
    writer.novels.update_or_create(title="4")
    assert names(writer.novels.all()) == ["1", "2", "3", "4"]
    moved = Novel.objects.create(title="5", writer=bob)
    writer = ann_prefetched()
    writer.novels.add(moved)
    assert names(writer.novels.all()) == ["1", "2", "3", "4", "5"]
    # A nullable key: remove(), clear() and set() too.
    first.editor = ann
    first.save()
    writer = ann_prefetched()
    assert names(writer.edited.all()) == ["1"]
    writer.edited.remove(first)
    assert names(writer.edited.all()) == []
    writer = ann_prefetched()
    writer.edited.set([moved])
    assert names(writer.edited.all()) == ["5"]
    writer = ann_prefetched()
    writer.edited.clear()
    assert names(writer.edited.all()) == []
    # The other prefetched relation of the same instance stays cached.
    writer = ann_prefetched()
    writer.edited.add(first)
    assert "novels" in writer._prefetched_objects_cache

    novel = Novel.objects.prefetch_related("labels").get(pk=first.pk)
    novel.labels.add(red)
    assert names(novel.labels.all()) == ["red"]
    novel = Novel.objects.prefetch_related("labels").get(pk=first.pk)
    novel.labels.create(name="green")
    assert sorted(names(novel.labels.all())) == ["green", "red"]
    novel = Novel.objects.prefetch_related("labels").get(pk=first.pk)
    novel.labels.remove(red)
    assert names(novel.labels.all()) == ["green"]
    novel = Novel.objects.prefetch_related("labels").get(pk=first.pk)
    novel.labels.set([red])
    assert names(novel.labels.all()) == ["red"]
    novel = Novel.objects.prefetch_related("labels").get(pk=first.pk)
    novel.labels.clear()
    assert names(novel.labels.all()) == []


def test_full_clean_checks_that_the_related_row_exists(db, create_tables):
    from pyframework.core.exceptions import ValidationError

    create_tables(*ALL)
    ann = Writer.objects.create(name="Ann")
    Novel(title="ok", writer=ann).full_clean()
    with pytest.raises(ValidationError) as info:
        Novel(title="dangling", writer_id=ann.pk + 100).full_clean()
    assert list(info.value.message_dict) == ["writer"]
    assert "does not exist" in info.value.message_dict["writer"][0]


def test_reverse_one_to_one_assignment(db, create_tables):
    create_tables(*ALL)
    ann = Writer.objects.create(name="Ann")
    profile = Profile(bio="new")
    ann.profile = profile
    assert profile.writer_id == ann.pk and profile.writer is ann
    profile.save()
    assert Writer.objects.get(pk=ann.pk).profile.bio == "new"
    with pytest.raises(ValueError):
        ann.profile = Label(name="wrong")


def test_update_or_create_through_the_reverse_manager(db, create_tables):
    create_tables(*ALL)
    ann = Writer.objects.create(name="Ann")
    novel, created = ann.novels.update_or_create(title="T", defaults={"editor": ann})
    assert created and novel.writer_id == ann.pk and novel.editor_id == ann.pk
    again, created = ann.novels.update_or_create(title="T", defaults={"editor": None})
    assert not created and again.pk == novel.pk
    assert Novel.objects.get(pk=novel.pk).editor_id is None
