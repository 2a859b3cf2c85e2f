"""Signals sent by models: hooks around saving, deleting and class creation."""
from __future__ import absolute_import, unicode_literals

from pyframework.dispatch import Signal

class_prepared = Signal()  # sender=model class, once its _meta is complete

pre_init = Signal()    # sender=model class, args=..., kwargs=...
post_init = Signal()   # sender=model class, instance=...

pre_save = Signal()    # sender=model class, instance, raw, using, update_fields
post_save = Signal()   # sender=model class, instance, created, raw, using, update_fields

pre_delete = Signal()  # sender=model class, instance, using, origin
post_delete = Signal()  # sender=model class, instance, using, origin

# sender=through model; action in pre_add/post_add/pre_remove/post_remove/pre_clear/post_clear
m2m_changed = Signal()

# Sent by the migrate command once per installed app (sender=its AppConfig), before and after
# migrating: app_config, verbosity, interactive, using, plan. Apps create rows that must
# exist whatever the migrations did (the auth app's permissions, say).
pre_migrate = Signal()
post_migrate = Signal()
