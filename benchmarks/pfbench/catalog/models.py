"""Item: the rows the page lists. Entry: what the form post inserts."""
from __future__ import unicode_literals

from pyframework.db import models


class Item(models.Model):
    name = models.CharField(max_length=100)
    price = models.IntegerField()


class Entry(models.Model):
    title = models.CharField(max_length=100)
    quantity = models.IntegerField()
