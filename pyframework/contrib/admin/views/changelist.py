"""The change list page of a ModelAdmin: the list itself, its actions and ``list_editable``."""
from __future__ import absolute_import, unicode_literals

import re

from pyframework.contrib import messages
from pyframework.contrib.admin.exceptions import IncorrectLookupParameters
from pyframework.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from pyframework.contrib.admin.templatetags.admin_list import changelist_context
from pyframework.contrib.admin.utils import admin_templates
from pyframework.core.exceptions import BadRequest, PermissionDenied, ValidationError
from pyframework.db import transaction
from pyframework.http import HttpResponseRedirect
from pyframework.http.response import HttpResponseBase
from pyframework.template.response import TemplateResponse
from pyframework.utils.compat import text_type
from pyframework.utils.translation import gettext as _
from pyframework.utils.translation import ngettext


class ChangeListViewsMixin(object):
    """``changelist_view`` and ``response_action`` of ModelAdmin."""

    def _clean_selected_pks(self, values):
        """The selected keys, each valid for the key field; a malformed one is a 400, never a query."""
        pk_field = self.opts.pk
        cleaned = []
        for value in values:
            try:
                cleaned.append(pk_field.to_python(value))
            except (ValidationError, ValueError, TypeError):
                raise BadRequest("Invalid object id %r in the selection." % (value,))
        return cleaned

    def response_action(self, request, queryset):
        """Run the action chosen in the action form on the selected rows; None when nothing ran."""
        try:
            action_index = int(request.POST.get("index", 0))
        except ValueError:
            action_index = 0
        data = request.POST.copy()
        data.pop(ACTION_CHECKBOX_NAME, None)
        data.pop("index", None)
        try:
            data["action"] = data.getlist("action")[action_index]
        except IndexError:
            pass  # no action chosen in that form: the form's validation reports it
        action_form = self.action_form(data, auto_id=None)
        action_form.fields["action"].choices = self.get_action_choices(request)
        if not action_form.is_valid():
            self.message_user(request, _("No action selected."), messages.WARNING)
            return None
        action = action_form.cleaned_data["action"]
        select_across = action_form.cleaned_data["select_across"]
        func = self.get_actions(request)[action][0]
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        if not selected and not select_across:
            self.message_user(request, _("Items must be selected in order to perform actions on them. No items "
                                         "have been changed."), messages.WARNING)
            return None
        if not select_across:
            queryset = queryset.filter(pk__in=self._clean_selected_pks(selected))
        response = func(self, request, queryset)
        if isinstance(response, HttpResponseBase):
            return response
        return HttpResponseRedirect(request.get_full_path())

    def _get_list_editable_queryset(self, request, prefix):
        """The rows a ``list_editable`` POST edits: those whose keys it submits (valid keys only)."""
        pattern = re.compile(r"^%s-\d+-%s$" % (re.escape(prefix), re.escape(self.opts.pk.name)))
        keys = [value for key, value in request.POST.items() if pattern.match(key)]
        queryset = self.get_queryset(request)
        return queryset.filter(pk__in=self._clean_selected_pks(keys))

    def changelist_view(self, request, extra_context=None):
        """The list of objects with search, filters, sorting, pagination, actions and list_editable."""
        opts = self.opts
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        try:
            cl = self.get_changelist_instance(request)
        except IncorrectLookupParameters as exc:
            context = dict(self.admin_site.each_context(request), title=_("Invalid filter"), subtitle=None,
                           opts=opts, error=text_type(exc), changelist_url=request.path)
            return TemplateResponse(request, "admin/invalid_setup.html", context, status=400)
        action_failed = False
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        actions = self.get_actions(request)
        if actions and request.method == "POST" and "index" in request.POST and "_save" not in request.POST:
            if selected:
                response = self.response_action(request, queryset=cl.get_queryset(request))
                if response:
                    return response
                action_failed = True
            else:
                self.message_user(request, _("Items must be selected in order to perform actions on them. No items "
                                             "have been changed."), messages.WARNING)
                action_failed = True
        if (actions and request.method == "POST" and ACTION_CHECKBOX_NAME in request.POST
                and "index" not in request.POST and "_save" not in request.POST):
            if selected:  # the confirmation page of an action posts back here
                response = self.response_action(request, queryset=cl.get_queryset(request))
                if response:
                    return response
                action_failed = True
        if action_failed:
            return HttpResponseRedirect(request.get_full_path())

        cl.formset = None
        if request.method == "POST" and cl.list_editable and "_save" in request.POST:
            if not self.has_change_permission(request):
                raise PermissionDenied
            FormSet = self.get_changelist_formset(request)
            modified_objects = self._get_list_editable_queryset(request, FormSet.get_default_prefix())
            formset = cl.formset = FormSet(request.POST, request.FILES, queryset=modified_objects)
            if formset.is_valid():
                changecount = 0
                with transaction.atomic():
                    for form in formset.forms:
                        if form.has_changed():
                            obj = self.save_form(request, form, change=True)
                            self.save_model(request, obj, form, change=True)
                            self.save_related(request, form, formsets=[], change=True)
                            self.log_change(request, obj, self.construct_change_message(request, form, None))
                            changecount += 1
                if changecount:
                    names = opts.verbose_name if changecount == 1 else opts.verbose_name_plural
                    self.message_user(request, ngettext("%(count)s %(name)s was changed successfully.",
                                                        "%(count)s %(name)s were changed successfully.",
                                                        changecount) % {"count": changecount, "name": names},
                                      messages.SUCCESS)
                return HttpResponseRedirect(request.get_full_path())
        elif cl.list_editable and self.has_change_permission(request):
            FormSet = self.get_changelist_formset(request)
            page_keys = [obj.pk for obj in cl.result_list]
            cl.formset = FormSet(queryset=self.get_queryset(request).filter(pk__in=page_keys))

        action_form = None
        if actions:
            action_form = self.action_form(auto_id=None)
            action_form.fields["action"].choices = self.get_action_choices(request)
        selection_note_all = ngettext("%(total_count)s selected", "All %(total_count)s selected",
                                      cl.result_count) % {"total_count": cl.result_count}
        context = dict(
            self.admin_site.each_context(request),
            module_name=text_type(opts.verbose_name_plural),
            selection_note=_("0 of %(cnt)s selected") % {"cnt": len(cl.result_list)},
            selection_note_all=selection_note_all, title=cl.title, subtitle=None, is_popup=cl.is_popup,
            to_field=cl.to_field, cl=cl, media=self.media, has_add_permission=self.has_add_permission(request),
            opts=cl.opts, app_label=opts.app_label, actions_on_top=self.actions_on_top,
            actions_on_bottom=self.actions_on_bottom, actions_selection_counter=self.actions_selection_counter,
            preserved_filters=self.get_preserved_filters(request), action_form=action_form,
            action_checkbox_name=ACTION_CHECKBOX_NAME)
        context.update(changelist_context(cl))
        context.update(extra_context or {})
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.change_list_template or admin_templates(
            opts, "change_list.html"), context)
