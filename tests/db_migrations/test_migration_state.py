"""ModelState.from_model and rendering: what a historical model keeps of the live one."""
from __future__ import unicode_literals

from pyframework.db import models
from pyframework.db.migrations import operations as ops
from pyframework.db.migrations.autodetector import MigrationAutodetector
from pyframework.db.migrations.graph import MigrationGraph
from pyframework.db.migrations.questioner import MigrationQuestioner
from pyframework.db.migrations.serializer import serialize
from pyframework.db.migrations.state import ModelState, ProjectState
from pyframework.test.utils import isolate_apps

APP = "state_app"


def rendered(*model_states):
    project = ProjectState()
    for model_state in model_states:
        project.add_model(model_state)
    return project.apps


class BookQuerySet(models.QuerySet):
    pass


@isolate_apps(APP)
def test_a_custom_default_manager_is_shimmed_under_its_name():
    # Django's custom_managers: a field called "objects", the manager under another name.
    class AbstractPerson(models.Model):
        people = models.Manager()
        objects = models.CharField(max_length=30)

        class Meta:
            abstract = True
            app_label = APP

    class Person(AbstractPerson):
        class Meta:
            app_label = APP

    model_state = ModelState.from_model(Person)
    assert [name for name, _ in model_state.managers] == ["people"]
    assert type(model_state.managers[0][1]) is models.Manager
    historical = rendered(model_state).get_model(APP, "person")
    assert historical._default_manager.name == "people"
    assert isinstance(historical._meta.get_field("objects"), models.CharField)


@isolate_apps(APP)
def test_managers_in_migrations_and_the_plain_objects_manager():
    class Plain(models.Model):
        class Meta:
            app_label = APP

    class Book(models.Model):
        on_shelf = BookQuerySet.as_manager()
        on_shelf.use_in_migrations = True

        class Meta:
            app_label = APP

    assert ModelState.from_model(Plain).managers == []
    managers = ModelState.from_model(Book).managers
    assert [name for name, _ in managers] == ["on_shelf"]
    source, imports = serialize(managers[0][1])
    assert source.endswith("BookQuerySet.as_manager()"), source


@isolate_apps(APP)
def test_the_autodetector_creates_models_with_their_managers():
    class Person(models.Model):
        people = models.Manager()

        class Meta:
            app_label = APP

    after = ProjectState()
    after.add_model(ModelState.from_model(Person))
    questioner = MigrationQuestioner(specified_apps=[APP])
    changes = MigrationAutodetector(ProjectState(), after, questioner).changes(MigrationGraph())
    create = changes[APP][0].operations[0]
    assert isinstance(create, ops.CreateModel)
    assert [name for name, _ in create.managers] == ["people"]
    source, _ = serialize(create)
    assert "managers=[('people', models.Manager())]" in source.replace('"', "'"), source


@isolate_apps(APP)
def test_a_symmetrical_self_relation_rendered_from_its_label_has_no_reverse_accessor():
    # deconstruct() spells "self" as the model's label; the rebuilt field must still be
    # recognised as a self-relation (Django's aggregation.Author.friends).
    class Author(models.Model):
        friends = models.ManyToManyField("self", blank=True)

        class Meta:
            app_label = APP

    name, path, args, kwargs = Author._meta.get_field("friends").deconstruct()
    assert kwargs["to"].lower() == "%s.author" % APP
    historical = rendered(ModelState.from_model(Author)).get_model(APP, "author")
    field = historical._meta.get_field("friends")
    assert field.remote_field.symmetrical
    assert field.remote_field.is_hidden()
    assert not hasattr(historical, "author_set")
