# -*- coding: utf-8 -*-
from __future__ import absolute_import, unicode_literals

import pyframework.contrib.admin.models
from pyframework.conf import settings
from pyframework.db import migrations, models
from pyframework.utils import timezone


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # __first__, as Django's: a project (or test run) without the contenttypes migrations
        # still installs the admin.
        ("contenttypes", "__first__"),
        (settings.AUTH_USER_MODEL.split(".")[0], "__first__"),
    ]

    operations = [
        migrations.CreateModel(
            name='LogEntry',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action_time', models.DateTimeField(default=timezone.now, editable=False,
                                                     verbose_name='action time')),
                ('object_id', models.TextField(blank=True, null=True, verbose_name='object id')),
                ('object_repr', models.CharField(max_length=200, verbose_name='object repr')),
                ('action_flag', models.PositiveSmallIntegerField(
                    choices=[(1, 'Addition'), (2, 'Change'), (3, 'Deletion')], verbose_name='action flag')),
                ('change_message', models.TextField(blank=True, verbose_name='change message')),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=models.SET_NULL,
                                                   to='contenttypes.ContentType', verbose_name='content type')),
                ('user', models.ForeignKey(on_delete=models.CASCADE, to=settings.AUTH_USER_MODEL,
                                           verbose_name='user')),
            ],
            options={
                'verbose_name': 'log entry',
                'verbose_name_plural': 'log entries',
                'db_table': 'pyframework_admin_log',
                'ordering': ['-action_time'],
            },
            managers=[
                ('objects', pyframework.contrib.admin.models.LogEntryManager()),
            ],
        ),
    ]
