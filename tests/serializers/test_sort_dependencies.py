"""serializers.sort_dependencies: natural keys order models strictly, primary keys only loosely."""
from __future__ import unicode_literals

import pytest

from pyframework.core import serializers
from pyframework.db import models
from pyframework.test.utils import isolate_apps

APP = "sortdeps_app"


def labels(ordered):
    return [model.__name__ for model in ordered]


@isolate_apps(APP)
def test_foreign_keys_put_their_targets_first():
    class Shelf(models.Model):
        class Meta:
            app_label = APP

    class Book(models.Model):
        shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE)

        class Meta:
            app_label = APP

    assert labels(serializers.sort_dependencies([(None, [Book, Shelf])])) == ["Shelf", "Book"]


@isolate_apps(APP)
def test_a_cycle_of_primary_key_references_is_not_an_error():
    # Django's many_to_one models: a parent with its best child, the child with its parent.
    class Parent(models.Model):
        best_child = models.ForeignKey("Child", models.SET_NULL, null=True, related_name="favored_by")

        class Meta:
            app_label = APP

    class Child(models.Model):
        parent = models.ForeignKey(Parent, models.CASCADE)

        class Meta:
            app_label = APP

    class Toy(models.Model):
        owner = models.ForeignKey(Child, models.CASCADE)

        class Meta:
            app_label = APP

    ordered = labels(serializers.sort_dependencies([(None, [Toy, Child, Parent])]))
    assert sorted(ordered) == ["Child", "Parent", "Toy"]
    assert ordered.index("Toy") > ordered.index("Child")


@isolate_apps(APP)
def test_a_cycle_of_natural_keys_raises_unless_cycles_are_allowed():
    class Left(models.Model):
        right = models.ForeignKey("Right", models.CASCADE, null=True)

        def natural_key(self):
            return (self.pk,)

        class Meta:
            app_label = APP

    class Right(models.Model):
        left = models.ForeignKey(Left, models.CASCADE, null=True)

        def natural_key(self):
            return (self.pk,)

        class Meta:
            app_label = APP

    with pytest.raises(RuntimeError) as info:
        serializers.sort_dependencies([(None, [Left, Right])])
    assert "Can't resolve dependencies for sortdeps_app.Left, sortdeps_app.Right" in str(info.value)
    assert sorted(labels(serializers.sort_dependencies([(None, [Left, Right])], allow_cycles=True))) == [
        "Left", "Right"]


@isolate_apps(APP)
def test_natural_key_dependencies_and_explicit_through_models():
    class Tag(models.Model):
        def natural_key(self):
            return (self.pk,)

        class Meta:
            app_label = APP

    class Post(models.Model):
        tags = models.ManyToManyField(Tag, through="Tagging")

        def natural_key(self):
            return (self.pk,)
        natural_key.dependencies = ["%s.note" % APP]

        class Meta:
            app_label = APP

    class Tagging(models.Model):
        post = models.ForeignKey(Post, models.CASCADE)
        tag = models.ForeignKey(Tag, models.CASCADE)

        class Meta:
            app_label = APP

    class Note(models.Model):
        class Meta:
            app_label = APP

    ordered = labels(serializers.sort_dependencies([(None, [Tagging, Post, Tag, Note])]))
    assert ordered.index("Note") < ordered.index("Post") < ordered.index("Tagging")
    assert ordered.index("Tag") < ordered.index("Tagging")
