# -*- coding: utf-8 -*-
"""Permission names its model through contenttypes.ContentType instead of app_label/model columns.

Existing rows keep their ids, so the permissions already granted to users and groups
(the many-to-many tables point at those ids) stay granted. Every step is reversible:
``migrate auth 0001`` puts the app_label/model columns back and fills them in.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.db import migrations, models


def set_content_types(apps, schema_editor):
    """Point every permission at the content type of its (app_label, model)."""
    alias = schema_editor.connection.alias
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    pairs = set(Permission.objects.using(alias).values_list("app_label", "model"))
    for app_label, model in sorted(pairs):
        ct, _ = ContentType.objects.using(alias).get_or_create(app_label=app_label, model=model)
        Permission.objects.using(alias).filter(app_label=app_label, model=model).update(content_type=ct)


def set_app_labels_and_models(apps, schema_editor):
    """The way back: copy each permission's content type into its app_label/model columns."""
    alias = schema_editor.connection.alias
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    used = Permission.objects.using(alias).values_list("content_type", flat=True).distinct()
    for ct in ContentType.objects.using(alias).filter(pk__in=list(used)):
        Permission.objects.using(alias).filter(content_type=ct).update(app_label=ct.app_label, model=ct.model)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0001_initial'),
        ('auth', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='permission',
            name='content_type',
            field=models.ForeignKey(null=True, on_delete=models.CASCADE, to='contenttypes.ContentType',
                                    verbose_name='content type'),
        ),
        # Nullable first, so that going back can re-add the columns before filling them in.
        migrations.AlterField(
            model_name='permission',
            name='app_label',
            field=models.CharField(max_length=100, null=True, verbose_name='app label'),
        ),
        migrations.AlterField(
            model_name='permission',
            name='model',
            field=models.CharField(max_length=100, null=True, verbose_name='model'),
        ),
        migrations.RunPython(set_content_types, set_app_labels_and_models),
        migrations.AlterUniqueTogether(
            name='permission',
            unique_together={('content_type', 'codename')},
        ),
        migrations.RemoveField(model_name='permission', name='app_label'),
        migrations.RemoveField(model_name='permission', name='model'),
        migrations.AlterField(
            model_name='permission',
            name='content_type',
            field=models.ForeignKey(on_delete=models.CASCADE, to='contenttypes.ContentType',
                                    verbose_name='content type'),
        ),
        migrations.AlterModelOptions(
            name='permission',
            options={
                'ordering': ['content_type__app_label', 'content_type__model', 'codename'],
                'verbose_name': 'permission',
                'verbose_name_plural': 'permissions',
            },
        ),
    ]
