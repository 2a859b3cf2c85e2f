"""LogEntry: the admin's history, one row per addition, change or deletion made through it.

``change_message`` holds JSON like Django's (``[{"added": {}}]``,
``[{"changed": {"fields": ["Title"]}}]``...); ``get_change_message()`` turns it into a
sentence for the history page.
"""
from __future__ import absolute_import, unicode_literals

import json

from pyframework.conf import settings
from pyframework.contrib.admin.utils import quote
from pyframework.contrib.contenttypes.models import ContentType
from pyframework.db import models
from pyframework.urls import NoReverseMatch, reverse
from pyframework.utils import timezone
from pyframework.utils.compat import python_2_unicode_compatible, text_type
from pyframework.utils.text import get_text_list
from pyframework.utils.translation import gettext, gettext_lazy as _

ADDITION = 1
CHANGE = 2
DELETION = 3

ACTION_FLAG_CHOICES = [(ADDITION, _("Addition")), (CHANGE, _("Change")), (DELETION, _("Deletion"))]


def get_content_type_for_model(obj):
    return ContentType.objects.get_for_model(obj, for_concrete_model=False)


class LogEntryManager(models.Manager):
    use_in_migrations = True

    def log_actions(self, user_id, queryset, action_flag, change_message="", single_object=False):
        """One entry per object of ``queryset`` (a list works too); the entry itself when ``single_object``."""
        if isinstance(change_message, list):
            change_message = json.dumps(change_message)
        entries = [self.model(
            user_id=user_id, content_type_id=get_content_type_for_model(obj).pk, object_id=text_type(obj.pk),
            object_repr=text_type(obj)[:200], action_flag=action_flag, change_message=change_message)
            for obj in queryset]
        for entry in entries:
            entry.save()
        if single_object and len(entries) == 1:
            return entries[0]
        return entries


@python_2_unicode_compatible
class LogEntry(models.Model):
    action_time = models.DateTimeField(_("action time"), default=timezone.now, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, verbose_name=_("user"))
    content_type = models.ForeignKey(ContentType, models.SET_NULL, verbose_name=_("content type"), blank=True,
                                     null=True)
    object_id = models.TextField(_("object id"), blank=True, null=True)
    object_repr = models.CharField(_("object repr"), max_length=200)
    action_flag = models.PositiveSmallIntegerField(_("action flag"), choices=ACTION_FLAG_CHOICES)
    change_message = models.TextField(_("change message"), blank=True)

    objects = LogEntryManager()

    class Meta:
        app_label = "admin"
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")
        db_table = "pyframework_admin_log"
        ordering = ["-action_time"]

    def __repr__(self):
        return str("<LogEntry: %s>" % self.action_time)

    def __str__(self):
        if self.is_addition():
            return gettext("Added \u201c%(object)s\u201d.") % {"object": self.object_repr}
        if self.is_change():
            return gettext("Changed \u201c%(object)s\u201d \u2014 %(changes)s") % {
                "object": self.object_repr, "changes": self.get_change_message()}
        if self.is_deletion():
            return gettext("Deleted \u201c%(object)s.\u201d") % {"object": self.object_repr}
        return gettext("LogEntry Object")

    def is_addition(self):
        return self.action_flag == ADDITION

    def is_change(self):
        return self.action_flag == CHANGE

    def is_deletion(self):
        return self.action_flag == DELETION

    def get_change_message(self):
        """The change message as a sentence ("Changed Title and Body.")."""
        if self.change_message and self.change_message[0] == "[":
            try:
                change_message = json.loads(self.change_message)
            except ValueError:
                return self.change_message
            messages = []
            for sub_message in change_message:
                if "added" in sub_message:
                    if sub_message["added"]:
                        sub_message["added"]["name"] = gettext(sub_message["added"]["name"])
                        messages.append(gettext("Added {name} \u201c{object}\u201d.").format(**sub_message["added"]))
                    else:
                        messages.append(gettext("Added."))
                elif "changed" in sub_message:
                    sub_message["changed"]["fields"] = get_text_list(
                        [gettext(name) for name in sub_message["changed"]["fields"]], gettext("and"))
                    if "name" in sub_message["changed"]:
                        sub_message["changed"]["name"] = gettext(sub_message["changed"]["name"])
                        messages.append(gettext("Changed {fields} for {name} \u201c{object}\u201d.").format(
                            **sub_message["changed"]))
                    else:
                        messages.append(gettext("Changed {fields}.").format(**sub_message["changed"]))
                elif "deleted" in sub_message:
                    sub_message["deleted"]["name"] = gettext(sub_message["deleted"]["name"])
                    messages.append(gettext("Deleted {name} \u201c{object}\u201d.").format(**sub_message["deleted"]))
            change_message = " ".join(message[0].upper() + message[1:] for message in messages if message)
            return change_message or gettext("No fields changed.")
        return self.change_message

    def get_edited_object(self):
        """The object this entry is about (DoesNotExist once deleted)."""
        return self.content_type.get_object_for_this_type(pk=self.object_id)

    def get_admin_url(self, current_app=None):
        """The object's change page in the admin, or None (deleted model, unregistered)."""
        if self.content_type_id and self.object_id:
            model = self.content_type.model_class()
            if model is None:
                return None
            try:
                return reverse("admin:%s_%s_change" % (self.content_type.app_label, self.content_type.model),
                               args=(quote(self.object_id),), current_app=current_app)
            except NoReverseMatch:
                pass
        return None


def recent_actions(user, admin_site, limit=10):
    """The user's last actions for the index page (one query, content types joined)."""
    if not getattr(user, "pk", None):
        return []
    return list(LogEntry.objects.filter(user_id=user.pk).select_related("content_type").order_by(
        "-action_time", "-id")[:limit])
