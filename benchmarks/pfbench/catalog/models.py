"""Item: the rows the page lists. Entry: what the form post inserts.
Product (100,000 rows, each with a Supplier): the admin's change list in ``admin-changelist``."""
from __future__ import unicode_literals

from pyframework.db import models


class Item(models.Model):
    name = models.CharField(max_length=100)
    price = models.IntegerField()


class Entry(models.Model):
    title = models.CharField(max_length=100)
    quantity = models.IntegerField()


class Supplier(models.Model):
    name = models.CharField(max_length=100)

    def __str__(self):
        return self.name


class Product(models.Model):
    name = models.CharField(max_length=100)
    price = models.IntegerField()
    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE)

    def __str__(self):
        return self.name
