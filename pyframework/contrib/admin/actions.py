"""The built-in action of every change list: delete the selected objects, after confirmation."""
from __future__ import absolute_import, unicode_literals

from pyframework.contrib import messages
from pyframework.contrib.admin.decorators import action
from pyframework.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from pyframework.contrib.admin.utils import admin_templates, model_ngettext, nested_as_tree
from pyframework.core.exceptions import PermissionDenied
from pyframework.template.response import TemplateResponse
from pyframework.utils.translation import gettext as _
from pyframework.utils.translation import gettext_lazy


@action(permissions=["delete"], description=gettext_lazy("Delete selected %(verbose_name_plural)s"))
def delete_selected(modeladmin, request, queryset):
    """Show what the deletion would remove; on ``post=yes`` delete it (refused on PROTECT)."""
    opts = modeladmin.model._meta
    deletable_objects, model_count, perms_needed, protected = modeladmin.get_deleted_objects(queryset, request)
    if request.POST.get("post") and not protected:
        if perms_needed:
            raise PermissionDenied
        objects = list(queryset)
        if objects:
            modeladmin.log_deletions(request, objects)
            modeladmin.delete_queryset(request, queryset)
            modeladmin.message_user(request, _("Successfully deleted %(count)d %(items)s.") % {
                "count": len(objects), "items": model_ngettext(modeladmin.opts, len(objects))}, messages.SUCCESS)
        return None  # back to the change list
    objects_name = model_ngettext(queryset)
    if perms_needed or protected:
        title = _("Cannot delete %(name)s") % {"name": objects_name}
    else:
        title = _("Delete multiple objects")
    context = dict(
        modeladmin.admin_site.each_context(request), title=title, subtitle=None, objects_name=objects_name,
        deletable_objects=[deletable_objects], deleted_trees=[nested_as_tree(deletable_objects)], model_count=sorted(model_count.items()), queryset=queryset,
        perms_lacking=sorted(perms_needed), protected=protected, opts=opts, app_label=opts.app_label,
        action_checkbox_name=ACTION_CHECKBOX_NAME, media=modeladmin.media)
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, modeladmin.delete_selected_confirmation_template or admin_templates(
            opts, "delete_selected_confirmation.html"), context)
