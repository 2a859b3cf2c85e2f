"""MigrationAutodetector on hand-built states: which operations, in which order, named how."""
from __future__ import unicode_literals

import pytest

from pyframework.db import models
from pyframework.db.migrations import operations as ops
from pyframework.db.migrations.autodetector import MigrationAutodetector
from pyframework.db.migrations.exceptions import MissingDefaultError
from pyframework.db.migrations.graph import MigrationGraph
from pyframework.db.migrations.migration import Migration
from pyframework.db.migrations.questioner import MigrationQuestioner
from pyframework.db.migrations.state import ModelState, ProjectState


def pk():
    return ("id", models.AutoField(primary_key=True, auto_created=True, serialize=False, verbose_name="ID"))


def state(*model_states):
    project = ProjectState()
    for model_state in model_states:
        project.add_model(model_state)
    return project


def author(*extra_fields, **options):
    return ModelState("lib", "Author", [pk(), ("name", models.CharField(max_length=50))] + list(extra_fields),
                      options)


def book(*extra_fields, **options):
    fields = [pk(), ("title", models.CharField(max_length=80)),
              ("author", models.ForeignKey("lib.Author", on_delete=models.CASCADE))]
    return ModelState("lib", "Book", fields + list(extra_fields), options)


def detect(before, after, graph=None, **kwargs):
    questioner = MigrationQuestioner(specified_apps=["lib", "shop"])
    return MigrationAutodetector(before, after, questioner).changes(graph or MigrationGraph(), **kwargs)


def kinds(migration):
    return [type(operation).__name__ for operation in migration.operations]


def graph_with(*keys):
    graph = MigrationGraph()
    for key in keys:
        graph.add_node(key, Migration(key[1], key[0]))
    return graph


def test_new_models_are_created_referenced_first():
    changes = detect(state(), state(book(), author()))
    migration = changes["lib"][0]
    assert migration.name == "0001_initial" and migration.initial
    assert [op.name for op in migration.operations] == ["Author", "Book"]
    assert migration.dependencies == []


def test_models_pointing_at_each_other_defer_one_foreign_key():
    a = ModelState("lib", "A", [pk(), ("b", models.ForeignKey("lib.B", on_delete=models.CASCADE))])
    b = ModelState("lib", "B", [pk(), ("a", models.ForeignKey("lib.A", on_delete=models.CASCADE, null=True))])
    migration = detect(state(), state(a, b))["lib"][0]
    assert kinds(migration) == ["CreateModel", "CreateModel", "AddField"]
    assert migration.operations[2].model_name == "A" and migration.operations[2].name == "b"


def test_added_removed_altered_fields_are_named_after_their_change():
    before = state(author(("age", models.IntegerField(default=0))))
    after = state(author(("bio", models.TextField(blank=True)), age=None))
    after.models["lib", "author"].fields["name"] = models.CharField(max_length=120)
    changes = detect(before, after, graph=graph_with(("lib", "0001_initial")))
    migration = changes["lib"][0]
    assert kinds(migration) == ["RemoveField", "AddField", "AlterField"]
    assert migration.name == "0002_remove_author_age_author_bio_alter_author_name"
    assert migration.dependencies == [("lib", "0001_initial")]


def test_same_deconstruction_under_a_new_name_is_a_rename():
    before = state(author(("nick", models.CharField(max_length=20, null=True))))
    after = state(author(("alias", models.CharField(max_length=20, null=True))))
    migration = detect(before, after, graph=graph_with(("lib", "0003_x")))["lib"][0]
    assert kinds(migration) == ["RenameField"]
    assert (migration.operations[0].old_name, migration.operations[0].new_name) == ("nick", "alias")
    assert migration.name == "0004_rename_nick_author_alias"


def test_non_null_field_without_default_is_refused_with_advice():
    with pytest.raises(MissingDefaultError) as info:
        detect(state(author()), state(author(("email", models.CharField(max_length=50)))),
               graph=graph_with(("lib", "0001_initial")))
    assert "'email'" in "%s" % info.value and "default" in "%s" % info.value


def test_indexes_constraints_unique_together_and_options():
    index = models.Index(fields=["name"], name="author_name_idx")
    constraint = models.UniqueConstraint(fields=["name"], name="author_name_uniq")
    before = state(author(indexes=[index], unique_together={("id", "name")}))
    after = state(author(constraints=[constraint], ordering=["name"], db_table="people"))
    migration = detect(before, after, graph=graph_with(("lib", "0001_initial")))["lib"][0]
    assert kinds(migration) == ["RemoveIndex", "AlterUniqueTogether", "AddConstraint", "AlterModelTable",
                                "AlterModelOptions"]
    assert migration.operations[1].unique_together == set()
    assert migration.operations[4].options == {"ordering": ["name"]}


def test_deleted_models_go_referencing_first_and_unchanged_states_give_nothing():
    migration = detect(state(author(), book()), state(), graph=graph_with(("lib", "0001_initial")))["lib"][0]
    assert [(type(op).__name__, op.name) for op in migration.operations] == [
        ("DeleteModel", "Book"), ("DeleteModel", "Author")]
    assert detect(state(author(), book()), state(author(), book())) == {}


def test_cross_app_foreign_key_depends_on_the_other_apps_migration():
    order = ModelState("shop", "Order", [pk(), ("buyer", models.ForeignKey("lib.Author", on_delete=models.PROTECT))])
    changes = detect(state(author()), state(author(), order), graph=graph_with(("lib", "0002_last")))
    assert list(changes) == ["shop"]
    assert changes["shop"][0].dependencies == [("lib", "0002_last")]
    changes = detect(state(), state(author(), order))
    assert changes["shop"][0].dependencies == [("lib", "0001_initial")]
    trimmed = detect(state(), state(author(), order), trim_to_apps=["shop"])
    assert sorted(trimmed) == ["lib", "shop"]


def test_state_renders_historical_models_with_relations():
    apps = state(author(), book()).apps
    Book = apps.get_model("lib", "Book")
    assert Book.__module__ == "__fake__"
    assert Book._meta.get_field("author").remote_field.model is apps.get_model("lib", "Author")
    assert Book._meta.db_table == "lib_book"


def test_state_operations_edit_the_project_state():
    project = state(author())
    ops.AddField("Author", "age", models.IntegerField(default=1)).state_forwards("lib", project)
    ops.RenameField("Author", "name", "full_name").state_forwards("lib", project)
    ops.AlterModelTable("Author", "writers").state_forwards("lib", project)
    Author = project.apps.get_model("lib", "Author")
    assert [f.name for f in Author._meta.local_fields] == ["id", "full_name", "age"]
    assert Author._meta.db_table == "writers"
    ops.DeleteModel("Author").state_forwards("lib", project)
    with pytest.raises(LookupError):
        project.apps.get_model("lib", "Author")


def test_explicit_through_model_is_ordered_with_its_models():
    member = ModelState("lib", "Membership", [
        pk(), ("author", models.ForeignKey("lib.Author", on_delete=models.CASCADE)),
        ("club", models.ForeignKey("lib.Club", on_delete=models.CASCADE))])
    club = ModelState("lib", "Club", [pk(), ("members", models.ManyToManyField("lib.Author", through="Membership"))])
    changes = detect(state(), state(author(), member, club))
    assert list(changes) == ["lib"]
    created = [op.name for op in changes["lib"][0].operations if isinstance(op, ops.CreateModel)]
    assert created.index("Author") < created.index("Membership")
    assert changes["lib"][0].dependencies == []
