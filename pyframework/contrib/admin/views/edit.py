"""The add, change, delete and history pages of a ModelAdmin."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib import messages
from pyframework.contrib.admin import helpers
from pyframework.contrib.admin.models import LogEntry, get_content_type_for_model
from pyframework.contrib.admin.utils import admin_templates, flatten_fieldsets, nested_as_tree, quote, unquote
from pyframework.core.exceptions import PermissionDenied
from pyframework.db import transaction
from pyframework.forms.formsets import all_valid
from pyframework.http import Http404, HttpResponseRedirect
from pyframework.template.response import TemplateResponse
from pyframework.urls import reverse
from pyframework.utils.compat import text_type
from pyframework.utils.html import format_html
from pyframework.utils.text import capfirst
from pyframework.utils.translation import gettext as _

class ChangeFormViewsMixin(object):
    """``add_view``, ``change_view``, ``delete_view``, ``history_view`` and their ``response_*`` hooks."""

    def _url(self, name, *args):
        return reverse("admin:%s_%s_%s" % (self.opts.app_label, self.opts.model_name, name), args=args or None,
                       current_app=self.admin_site.name)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        """An unknown (or malformed) id: a message and back to the change list, as Django does."""
        msg = _("%(name)s with ID \u201c%(key)s\u201d doesn\u2019t exist. Perhaps it was deleted?") % {
            "name": capfirst(opts.verbose_name), "key": object_id}
        self.message_user(request, msg, messages.WARNING)
        return HttpResponseRedirect(self._url("changelist"))

    def get_object_or_404(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("%(name)s with ID \u201c%(key)s\u201d doesn\u2019t exist.") % {
                "name": capfirst(self.opts.verbose_name), "key": object_id})
        return obj

    # --- add / change ----------------------------------------------------------------------------
    def add_view(self, request, form_url="", extra_context=None):
        return self.changeform_view(request, None, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self.changeform_view(request, object_id, form_url, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """The add (``object_id`` None) or change page; a valid POST saves in one transaction."""
        with transaction.atomic():
            return self._changeform_view(request, object_id, form_url, extra_context)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = {"instance": obj, "prefix": prefix, "queryset": inline.get_queryset(request)}
        if request.method == "POST":
            kwargs.update({"data": request.POST.copy(), "files": request.FILES,
                           "save_as_new": "_saveasnew" in request.POST})
        return kwargs

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = [], []
        prefixes = {}
        for FormSet, inline in self.get_formsets_with_inlines(request, obj if change else None):
            prefix = FormSet.get_default_prefix()
            prefixes[prefix] = prefixes.get(prefix, 0) + 1
            if prefixes[prefix] != 1 or not prefix:
                prefix = "%s-%s" % (prefix, prefixes[prefix])
            formset = FormSet(**self.get_formset_kwargs(request, obj, inline, prefix))
            formsets.append(formset)
            inline_instances.append(inline)
        return formsets, inline_instances

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        can_edit_parent = self.has_change_permission(request, obj) if obj else self.has_add_permission(request)
        inline_admin_formsets = []
        for inline, formset in zip(inline_instances, formsets):
            fieldsets = list(inline.get_fieldsets(request, obj))
            readonly = list(inline.get_readonly_fields(request, obj))
            if can_edit_parent:
                has_add = inline.has_add_permission(request, obj)
                has_change = inline.has_change_permission(request, obj)
                has_delete = inline.has_delete_permission(request, obj)
            else:
                has_add = has_change = has_delete = False
                formset.extra = formset.max_num = 0
            has_view = inline.has_view_permission(request, obj)
            prepopulated = dict(inline.get_prepopulated_fields(request, obj))
            inline_admin_formsets.append(helpers.InlineAdminFormSet(
                inline, formset, fieldsets, prepopulated, readonly, model_admin=self, has_add_permission=has_add,
                has_change_permission=has_change, has_delete_permission=has_delete, has_view_permission=has_view))
        return inline_admin_formsets

    def _changeform_view(self, request, object_id, form_url, extra_context):
        add = object_id is None
        if request.method == "POST" and "_saveasnew" in request.POST:
            object_id = None
            add = True
        if add:
            if not self.has_add_permission(request):
                raise PermissionDenied
            obj = None
        else:
            obj = self.get_object(request, unquote(object_id))
            if obj is None:
                return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
            if request.method == "POST":
                if not self.has_change_permission(request, obj):
                    raise PermissionDenied
            elif not self.has_view_or_change_permission(request, obj):
                raise PermissionDenied
        fieldsets = self.get_fieldsets(request, obj)
        ModelForm = self.get_form(request, obj, change=not add, fields=flatten_fieldsets(fieldsets))
        if request.method == "POST":
            form = ModelForm(request.POST, request.FILES, instance=obj)
            formsets, inline_instances = self._create_formsets(request, form.instance, change=not add)
            form_validated = form.is_valid()
            new_object = self.save_form(request, form, change=not add) if form_validated else form.instance
            if all_valid(formsets) and form_validated:
                self.save_model(request, new_object, form, not add)
                self.save_related(request, form, formsets, not add)
                change_message = self.construct_change_message(request, form, formsets, add)
                if add:
                    self.log_addition(request, new_object, change_message)
                    return self.response_add(request, new_object)
                self.log_change(request, new_object, change_message)
                return self.response_change(request, new_object)
            form_validated = False
        else:
            if add:
                form = ModelForm(initial=self.get_changeform_initial_data(request))
                formsets, inline_instances = self._create_formsets(request, form.instance, change=False)
            else:
                form = ModelForm(instance=obj)
                formsets, inline_instances = self._create_formsets(request, obj, change=True)
        if not add and not self.has_change_permission(request, obj):
            readonly_fields = flatten_fieldsets(fieldsets)
        else:
            readonly_fields = self.get_readonly_fields(request, obj)
        admin_form = helpers.AdminForm(form, list(fieldsets),
                                       self.get_prepopulated_fields(request, obj) if add or self.has_change_permission(
                                           request, obj) else {},
                                       readonly_fields, model_admin=self)
        inline_formsets = self.get_inline_formsets(request, formsets, inline_instances, obj)
        if add:
            title = _("Add %s")
        elif self.has_change_permission(request, obj):
            title = _("Change %s")
        else:
            title = _("View %s")
        context = dict(
            self.admin_site.each_context(request), title=title % text_type(self.opts.verbose_name),
            subtitle=text_type(obj) if obj else None, adminform=admin_form, object_id=object_id, original=obj,
            is_popup=False, to_field=None, media=self.media, inline_admin_formsets=inline_formsets,
            errors=helpers.AdminErrorList(form, formsets), preserved_filters=self.get_preserved_filters(request))
        if request.method == "POST" and not form_validated and "_saveasnew" in request.POST:
            context["show_save"] = False
            context["show_save_and_continue"] = False
            add = False
        context.update(extra_context or {})
        return self.render_change_form(request, context, add=add, change=not add, obj=obj, form_url=form_url)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        opts = self.opts
        app_label = opts.app_label
        has_add = self.has_add_permission(request)
        has_change = self.has_change_permission(request, obj)
        has_view = self.has_view_permission(request, obj)
        has_delete = self.has_delete_permission(request, obj)
        has_editable_inline = any(inline.has_change_permission or inline.has_add_permission
                                  for inline in context["inline_admin_formsets"])
        can_save = has_change or (add and has_add) or has_editable_inline
        context.update({
            "add": add, "change": change, "has_view_permission": has_view, "has_add_permission": has_add,
            "has_change_permission": has_change, "has_delete_permission": has_delete,
            "has_editable_inline_admin_formsets": has_editable_inline,
            "has_file_field": context["adminform"].form.is_multipart() or any(
                admin_formset.formset.is_multipart() for admin_formset in context["inline_admin_formsets"]),
            "has_absolute_url": hasattr(self.model, "get_absolute_url"), "form_url": form_url, "opts": opts,
            "app_label": app_label, "content_type_id": get_content_type_for_model(self.model).pk,
            "save_as": self.save_as, "save_on_top": self.save_on_top,
            "show_delete_link": not add and has_delete and change,
            "can_save": can_save,
            "show_save": context.get("show_save", can_save),
            "show_save_and_continue": context.get("show_save_and_continue", can_save and (
                has_change or not add or self.save_as_continue)),
            "show_save_and_add_another": has_add and can_save and not context.get("is_popup"),
            "show_save_as_new": not add and change and self.save_as and has_add,
            "changelist_url": self._url("changelist"),
            "delete_url": self._url("delete", quote(obj.pk)) if obj is not None and obj.pk is not None else None,
            "history_url": self._url("history", quote(obj.pk)) if obj is not None and obj.pk is not None else None,
            "prepopulated_json": context["adminform"].prepopulated_json(),
        })
        if add and self.add_form_template is not None:
            form_template = self.add_form_template
        else:
            form_template = self.change_form_template
        request.current_app = self.admin_site.name
        return TemplateResponse(request, form_template or admin_templates(opts, "change_form.html"), context)

    def _saved_message(self, obj, text):
        opts = obj._meta
        return format_html(text, name=capfirst(opts.verbose_name),
                           obj=format_html('<a href="{}">{}</a>', self._url("change", quote(obj.pk)), obj))

    def response_add(self, request, obj, post_url_continue=None):
        """Where to go after adding: the change page (``_continue``), a blank form (``_addanother``), the list."""
        if "_continue" in request.POST or ("_saveasnew" in request.POST and self.save_as_continue):
            self.message_user(request, self._saved_message(
                obj, _("The {name} \u201c{obj}\u201d was added successfully. You may edit it again below.")),
                messages.SUCCESS)
            return HttpResponseRedirect(post_url_continue or self._url("change", quote(obj.pk)))
        if "_addanother" in request.POST:
            self.message_user(request, self._saved_message(
                obj, _("The {name} \u201c{obj}\u201d was added successfully. You may add another {name} below.")),
                messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        self.message_user(request, self._saved_message(obj, _("The {name} \u201c{obj}\u201d was added successfully.")),
                          messages.SUCCESS)
        return self.response_post_save_add(request, obj)

    def response_change(self, request, obj):
        if "_continue" in request.POST:
            self.message_user(request, self._saved_message(
                obj, _("The {name} \u201c{obj}\u201d was changed successfully. You may edit it again below.")),
                messages.SUCCESS)
            return HttpResponseRedirect(request.get_full_path())
        if "_saveasnew" in request.POST:
            self.message_user(request, self._saved_message(
                obj, _("The {name} \u201c{obj}\u201d was added successfully. You may edit it again below.")),
                messages.SUCCESS)
            return HttpResponseRedirect(self._url("change", quote(obj.pk)))
        if "_addanother" in request.POST:
            self.message_user(request, self._saved_message(
                obj, _("The {name} \u201c{obj}\u201d was changed successfully. You may add another {name} below.")),
                messages.SUCCESS)
            return HttpResponseRedirect(self._url("add"))
        self.message_user(request, self._saved_message(
            obj, _("The {name} \u201c{obj}\u201d was changed successfully.")), messages.SUCCESS)
        return self.response_post_save_change(request, obj)

    def _response_post_save(self, request, obj):
        if self.has_view_or_change_permission(request):
            url = self._url("changelist")
            preserved = request.GET.get("_changelist_filters")
            return HttpResponseRedirect(url + "?" + preserved if preserved else url)
        return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))

    def response_post_save_add(self, request, obj):
        return self._response_post_save(request, obj)

    def response_post_save_change(self, request, obj):
        return self._response_post_save(request, obj)

    # --- delete ------------------------------------------------------------------------------------
    def delete_view(self, request, object_id, extra_context=None):
        """The confirmation page listing what the cascade removes; POST deletes (refused on PROTECT)."""
        with transaction.atomic():
            return self._delete_view(request, object_id, extra_context)

    def _delete_view(self, request, object_id, extra_context):
        opts = self.opts
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, opts, object_id)
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied
        deleted_objects, model_count, perms_needed, protected = self.get_deleted_objects([obj], request)
        if request.method == "POST" and not protected:
            if perms_needed:
                raise PermissionDenied
            obj_display = text_type(obj)
            self.log_deletion(request, obj, obj_display)
            self.delete_model(request, obj)
            return self.response_delete(request, obj_display, obj.pk)
        object_name = text_type(opts.verbose_name)
        if perms_needed or protected:
            title = _("Cannot delete %(name)s") % {"name": object_name}
        else:
            title = _("Delete")
        context = dict(
            self.admin_site.each_context(request), title=title, subtitle=None, object_name=object_name,
            object=obj, deleted_objects=deleted_objects, deleted_tree=nested_as_tree(deleted_objects), model_count=sorted(model_count.items()),
            perms_lacking=sorted(perms_needed), protected=protected, opts=opts, app_label=opts.app_label,
            preserved_filters=self.get_preserved_filters(request), is_popup=False, to_field=None,
            change_url=self._url("change", quote(obj.pk)), changelist_url=self._url("changelist"))
        context.update(extra_context or {})
        return self.render_delete_form(request, context)

    def render_delete_form(self, request, context):
        opts = self.opts
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.delete_confirmation_template or admin_templates(
            opts, "delete_confirmation.html"), context)

    def response_delete(self, request, obj_display, obj_id):
        self.message_user(request, _("The %(name)s \u201c%(obj)s\u201d was deleted successfully.") % {
            "name": text_type(self.opts.verbose_name), "obj": obj_display}, messages.SUCCESS)
        if self.has_change_permission(request, None) or self.has_view_permission(request, None):
            return HttpResponseRedirect(self._url("changelist"))
        return HttpResponseRedirect(reverse("admin:index", current_app=self.admin_site.name))

    # --- history -----------------------------------------------------------------------------------
    def history_view(self, request, object_id, extra_context=None):
        """Every LogEntry of the object, oldest first."""
        opts = self.opts
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        action_list = list(LogEntry.objects.filter(
            object_id=text_type(obj.pk), content_type=get_content_type_for_model(self.model),
        ).select_related("user").order_by("action_time", "id"))
        context = dict(
            self.admin_site.each_context(request), title=_("Change history: %s") % obj, subtitle=None,
            action_list=action_list, module_name=text_type(capfirst(opts.verbose_name_plural)), object=obj,
            opts=opts, app_label=opts.app_label, preserved_filters=self.get_preserved_filters(request),
            change_url=self._url("change", quote(obj.pk)), changelist_url=self._url("changelist"))
        context.update(extra_context or {})
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template or admin_templates(
            opts, "object_history.html"), context)

