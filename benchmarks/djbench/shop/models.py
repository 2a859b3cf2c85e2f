from django.db import models


class Item(models.Model):
    name = models.CharField(max_length=100)
    price = models.IntegerField()


class Entry(models.Model):
    title = models.CharField(max_length=100)
    quantity = models.IntegerField()
