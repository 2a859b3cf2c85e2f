"""Model classes and their _meta: built without touching a database."""
from __future__ import unicode_literals

import pytest

from pyframework.apps import apps
from pyframework.core.exceptions import (
    FieldDoesNotExist, ImproperlyConfigured, MultipleObjectsReturned, ObjectDoesNotExist,
)
from pyframework.db import connection, models
from pyframework.db.migrations.operations.base import Operation
from pyframework.test.utils import isolate_apps
from pyframework.utils.compat import text_type


class Stamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    note = models.CharField(max_length=20, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created"]
        indexes = [models.Index(fields=["created"], name="%(app_label)s_%(class)s_created")]


class Shelf(Stamped):
    KIND_CHOICES = [("w", "Wood"), ("m", "Metal")]
    name = models.CharField("shelf name", max_length=30, unique=True)
    kind = models.CharField(max_length=1, choices=KIND_CHOICES, default="w")

    class Meta(Stamped.Meta):
        app_label = "dbm_meta"
        verbose_name_plural = "shelving"


class Volume(models.Model):
    title = models.CharField(max_length=40, db_column="vol_title")
    shelf = models.ForeignKey("Shelf", on_delete=models.CASCADE, related_name="volumes")
    next_volume = models.OneToOneField("self", null=True, on_delete=models.SET_NULL)
    readers = models.ManyToManyField("dbm_meta.Reader")

    class Meta:
        app_label = "dbm_meta"
        unique_together = ("title", "shelf")
        constraints = [models.UniqueConstraint(fields=["shelf", "next_volume"], name="one_next")]


class Reader(models.Model):
    name = models.CharField(max_length=20)

    class Meta:
        app_label = "dbm_meta"


def test_meta_names_and_table():
    opts = Shelf._meta
    assert opts.app_label == "dbm_meta"
    assert opts.model_name == "shelf"
    assert opts.object_name == "Shelf"
    assert opts.db_table == "dbm_meta_shelf"
    assert opts.label == "dbm_meta.Shelf"
    assert opts.label_lower == "dbm_meta.shelf"
    assert opts.verbose_name == "shelf"
    assert opts.verbose_name_plural == "shelving"
    assert not opts.abstract


def test_implicit_auto_primary_key_comes_first():
    opts = Shelf._meta
    assert opts.pk.name == "id"
    assert isinstance(opts.pk, models.AutoField)
    assert opts.pk.auto_created
    assert [f.name for f in opts.fields] == ["id", "created", "note", "name", "kind"]
    assert opts.auto_field is opts.pk


def test_abstract_base_shares_fields_and_meta():
    assert Stamped._meta.abstract
    assert Shelf._meta.ordering == ["-created"]
    created = Shelf._meta.get_field("created")
    assert created.model is Shelf
    assert created is not Stamped._meta.get_field("created")
    assert [index.name for index in Shelf._meta.indexes] == ["dbm_meta_shelf_created"]
    with pytest.raises(AttributeError):
        Stamped.objects


def test_concrete_inheritance_gets_a_parent_link_and_refuses_a_clashing_one():
    from pyframework.apps.registry import Apps

    class Special(Shelf):
        class Meta:
            app_label = "dbm_meta"
            apps = Apps()  # kept out of the suite's registry: Shelf's reverse relations stay as they are

    assert Special._meta.pk.name == "shelf_ptr" and Special._meta.parents[Shelf] is Special._meta.pk
    with pytest.raises(ImproperlyConfigured) as info:
        class Clashing(Shelf):
            shelf_ptr = models.IntegerField()

            class Meta:
                app_label = "dbm_meta"
                apps = Apps()
    assert "clashes with declared field" in str(info.value)


def test_model_without_app_label_outside_an_app_is_an_error():
    with pytest.raises(RuntimeError) as info:
        class Orphan(models.Model):
            pass
    assert "app_label" in str(info.value)


def test_unknown_meta_option_is_an_error():
    with pytest.raises(TypeError) as info:
        class Odd(models.Model):
            class Meta:
                app_label = "dbm_meta"
                colour = "blue"
    assert "colour" in str(info.value)


def test_field_attributes():
    title = Volume._meta.get_field("title")
    assert (title.name, title.attname, title.column) == ("title", "title", "vol_title")
    assert title.max_length == 40
    assert title.concrete and not title.is_relation
    assert Shelf._meta.get_field("name").verbose_name == "shelf name"
    assert Shelf._meta.get_field("note").verbose_name == "note"
    assert Shelf._meta.get_field("name").unique
    with pytest.raises(FieldDoesNotExist):
        Shelf._meta.get_field("missing")


def test_foreign_key_attributes_and_lazy_reference():
    shelf = Volume._meta.get_field("shelf")
    assert shelf.attname == "shelf_id" and shelf.column == "shelf_id"
    assert shelf.is_relation and shelf.many_to_one and not shelf.one_to_one
    assert shelf.remote_field.model is Shelf
    assert shelf.related_model is Shelf
    assert shelf.target_field is Shelf._meta.pk
    assert shelf.remote_field.on_delete is models.CASCADE
    assert Volume._meta.get_field("shelf_id") is shelf
    nxt = Volume._meta.get_field("next_volume")
    assert nxt.one_to_one and nxt.unique and nxt.remote_field.model is Volume


def test_forward_reference_resolves_when_target_is_declared_later():
    readers = Volume._meta.get_field("readers")
    assert readers.many_to_many
    assert readers.remote_field.model is Reader
    through = readers.remote_field.through
    assert through._meta.auto_created is Volume
    assert through._meta.db_table == "dbm_meta_volume_readers"
    assert sorted(f.name for f in through._meta.fields) == ["id", "reader", "volume"]
    assert through._meta.unique_together == (("volume", "reader"),)
    assert readers.m2m_field_name() == "volume"
    assert readers.m2m_reverse_field_name() == "reader"
    assert Volume._meta.many_to_many == (readers,)
    assert readers not in Volume._meta.concrete_fields


def test_reverse_relations():
    related = dict((rel.get_accessor_name(), rel) for rel in Shelf._meta.related_objects)
    assert set(related) == {"volumes"}
    rel = related["volumes"]
    assert rel.related_model is Volume and rel.model is Shelf
    assert rel.field is Volume._meta.get_field("shelf")
    assert rel.one_to_many and rel.on_delete is models.CASCADE
    assert Shelf._meta.get_field("volumes") is rel
    reader_rels = [r.get_accessor_name() for r in Reader._meta.related_objects]
    assert "volume_set" in reader_rels
    assert "volume" in [r.get_accessor_name() for r in Volume._meta.related_objects]


def test_registry_knows_models():
    assert apps.get_model("dbm_meta", "Shelf") is Shelf
    assert apps.get_model("dbm_meta.volume") is Volume
    assert Shelf in apps.get_models()
    through = Volume._meta.get_field("readers").remote_field.through
    assert through not in apps.get_models()
    assert through in apps.get_models(include_auto_created=True)
    with pytest.raises(LookupError):
        apps.get_model("dbm_meta", "Nope")


def test_together_and_constraints_options():
    assert Volume._meta.unique_together == (("title", "shelf"),)
    constraint = Volume._meta.constraints[0]
    assert constraint.fields == ("shelf", "next_volume")
    assert constraint.deconstruct() == (
        "pyframework.db.models.UniqueConstraint", (), {"name": "one_next", "fields": ("shelf", "next_volume")})


def test_exceptions_per_model():
    assert issubclass(Shelf.DoesNotExist, ObjectDoesNotExist)
    assert issubclass(Shelf.MultipleObjectsReturned, MultipleObjectsReturned)
    assert Shelf.DoesNotExist is not Volume.DoesNotExist


def test_instance_defaults_and_choices_display():
    shelf = Shelf(name="top")
    assert shelf.kind == "w" and shelf.note == "" and shelf.pk is None
    assert shelf.get_kind_display() == "Wood"
    shelf.kind = "m"
    assert shelf.get_kind_display() == "Metal"
    shelf.kind = "x"
    assert shelf.get_kind_display() == "x"
    assert shelf._state.adding and shelf._state.db is None


def test_callable_default_is_called_per_instance():
    class Bag(models.Model):
        items = models.JSONField(default=list)

        class Meta:
            app_label = "dbm_meta"

    first, second = Bag(), Bag()
    first.items.append(1)
    assert second.items == []


def test_init_arguments():
    volume = Volume(None, "Dune")
    assert volume.title == "Dune"
    shelf = Shelf(name="a", pk=None) if False else Shelf(name="a")
    volume = Volume(title="x", shelf=shelf)
    assert volume.shelf is shelf
    volume = Volume(title="x", shelf_id=7)
    assert volume.shelf_id == 7
    with pytest.raises(TypeError) as info:
        Volume(title="x", colour="red")
    assert "colour" in str(info.value)
    with pytest.raises(TypeError):
        Volume(readers=[])
    with pytest.raises(IndexError):
        Reader(1, "a", "b")


def test_equality_and_hashing():
    a, b = Reader(id=1, name="a"), Reader(id=1, name="b")
    assert a == b and hash(a) == hash(b)
    assert Reader(id=2) != a
    assert Shelf(id=1) != a
    unsaved = Reader()
    assert unsaved == unsaved and unsaved != Reader()
    with pytest.raises(TypeError):
        hash(unsaved)


def test_str_and_repr():
    assert str(Reader(id=3)) == "Reader object (3)"
    assert repr(Reader(id=3)) == "<Reader: Reader object (3)>"


def test_a_models_own_str_is_its_text_on_both_runtimes():
    class Label(models.Model):
        name = models.CharField(max_length=20)

        class Meta:
            app_label = "dbm_meta"

        def __str__(self):
            return "\u00c9tiquette %s" % self.name

    # text_type() is what form choices and the admin call: on Jython it goes through __unicode__.
    assert text_type(Label(id=1, name="bleue")) == "\u00c9tiquette bleue"
    assert text_type(Reader(id=4)) == "Reader object (4)"


def test_managers():
    class PublishedQuerySet(models.QuerySet):
        def published(self):
            return self.filter(published=True)

    class Post(models.Model):
        published = models.BooleanField(default=False)
        objects = models.Manager()
        live = PublishedQuerySet.as_manager()

        class Meta:
            app_label = "dbm_meta"

    assert Post._default_manager is Post.objects
    assert Post._meta.default_manager.name == "objects"
    assert Post.live.model is Post
    assert hasattr(Post.live, "published")
    assert isinstance(Post.live.all(), PublishedQuerySet)
    with pytest.raises(AttributeError):
        Post().objects
    CustomManager = models.Manager.from_queryset(PublishedQuerySet)
    assert CustomManager.__name__ == "ManagerFromPublishedQuerySet"
    assert hasattr(CustomManager(), "published")


def test_a_field_named_objects_needs_a_custom_manager():
    with pytest.raises(ValueError):
        class Clash(models.Model):
            objects = models.IntegerField()

            class Meta:
                app_label = "dbm_meta"


def test_unsaved_related_object_refused_on_save():
    volume = Volume(title="x", shelf=Shelf(name="unsaved"))
    with pytest.raises(ValueError) as info:
        volume.save()
    assert "unsaved related object 'shelf'" in str(info.value)


class Owned(models.Model):
    owner = models.ForeignKey(Reader, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_owned")

    class Meta:
        abstract = True


class Bike(Owned):
    class Meta:
        app_label = "dbm_meta"


class Boat(Owned):
    class Meta:
        app_label = "dbm_meta"


def test_abstract_relation_names_are_per_subclass():
    assert Bike._meta.get_field("owner").remote_field.related_name == "dbm_meta_bike_owned"
    assert Boat._meta.get_field("owner").remote_field.related_name == "dbm_meta_boat_owned"
    assert hasattr(Reader, "dbm_meta_bike_owned") and hasattr(Reader, "dbm_meta_boat_owned")
    assert Bike._meta.get_field("owner").model is Bike


def test_serializable_value_and_get_fields():
    volume = Volume(title="t", shelf_id=4)
    assert volume.serializable_value("shelf") == 4
    assert volume.serializable_value("title") == "t"
    names = [f.name for f in Shelf._meta.get_fields()]
    assert names[:5] == ["id", "created", "note", "name", "kind"]
    assert "volumes" in names


def test_foreign_key_needs_a_callable_on_delete_and_a_nullable_set_null():
    with pytest.raises(TypeError):
        models.ForeignKey(Reader, on_delete=None)
    with pytest.raises(ImproperlyConfigured):
        models.ForeignKey(Reader, on_delete=models.SET_NULL)
    with pytest.raises(TypeError):
        models.ForeignKey(42, on_delete=models.CASCADE)


def test_relation_deconstruct():
    shelf = Volume._meta.get_field("shelf")
    assert shelf.deconstruct() == ("shelf", "pyframework.db.models.ForeignKey", [], {
        "to": "dbm_meta.Shelf", "on_delete": models.CASCADE, "related_name": "volumes"})
    nxt = Volume._meta.get_field("next_volume")
    assert nxt.deconstruct()[1:] == ("pyframework.db.models.OneToOneField", [], {
        "to": "dbm_meta.Volume", "on_delete": models.SET_NULL, "null": True})
    readers = Volume._meta.get_field("readers")
    assert readers.deconstruct()[1:] == ("pyframework.db.models.ManyToManyField", [], {"to": "dbm_meta.Reader"})


def test_instances_pickle_with_their_state():
    import pickle

    reader = Reader(id=5, name="r")
    reader._state.adding = False
    reader._state.db = "default"
    copy = pickle.loads(pickle.dumps(reader))
    assert copy == reader and copy.name == "r"
    assert (copy._state.adding, copy._state.db) == (False, "default")


def test_required_db_features_and_vendor_decide_where_a_table_is_made(db):
    with isolate_apps("dbm_meta_req"):
        class NeedsNothing(models.Model):
            class Meta:
                app_label = "dbm_meta_req"

        class NeedsMagic(models.Model):
            class Meta:
                app_label = "dbm_meta_req"
                required_db_features = {"supports_time_travel"}

        class NeedsTransactions(models.Model):
            class Meta:
                app_label = "dbm_meta_req"
                required_db_features = ["supports_transactions"]

        class OtherVendor(models.Model):
            class Meta:
                app_label = "dbm_meta_req"
                required_db_vendor = "no-such-vendor"

        class ThisVendor(models.Model):
            class Meta:
                app_label = "dbm_meta_req"
                required_db_vendor = connection.vendor

    assert NeedsMagic._meta.required_db_features == {"supports_time_travel"}
    assert NeedsNothing._meta.required_db_features == ()
    allowed = dict((model.__name__, Operation.allow_migrate_model(connection, model))
                   for model in (NeedsNothing, NeedsMagic, NeedsTransactions, OtherVendor, ThisVendor))
    assert allowed == {"NeedsNothing": True, "NeedsMagic": False, "NeedsTransactions": True,
                       "OtherVendor": False, "ThisVendor": True}
    assert NeedsMagic._meta.can_migrate(None) is True  # no database named: only managed/proxy count
