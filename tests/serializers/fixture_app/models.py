"""Models of the serializer and fixture tests: natural keys, FKs, M2M, dates, decimals."""
from __future__ import unicode_literals

from pyframework.db import models


class AuthorManager(models.Manager):
    def get_by_natural_key(self, name):
        return self.get(name=name)


class Author(models.Model):
    name = models.CharField(max_length=50, unique=True)
    born = models.DateField(null=True)

    objects = AuthorManager()

    class Meta:
        app_label = "fixture_app"  # importable before the app is installed

    def natural_key(self):
        return (self.name,)


class Tag(models.Model):
    label = models.CharField(max_length=20)

    class Meta:
        app_label = "fixture_app"


class Article(models.Model):
    title = models.CharField(max_length=100)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="articles")
    editor = models.ForeignKey(Author, on_delete=models.SET_NULL, null=True, related_name="edited")
    tags = models.ManyToManyField(Tag, blank=True)
    published = models.DateTimeField()
    price = models.DecimalField(max_digits=8, decimal_places=2)
    featured = models.BooleanField(default=False)
    body = models.TextField(blank=True)

    class Meta:
        app_label = "fixture_app"
        ordering = ["id"]
