"""The users' and groups' admin: ``UserAdmin`` and ``GroupAdmin``, registered on ``admin.site``.

With ``pyframework.contrib.auth`` and ``pyframework.contrib.admin`` installed, the admin's
autodiscovery imports this module and both models appear in the admin, as in Django. A
project customises them the Django way::

    from pyframework.contrib import admin
    from pyframework.contrib.auth.admin import UserAdmin as BaseUserAdmin
    from pyframework.contrib.auth.models import User

    admin.site.unregister(User)

    @admin.register(User)
    class UserAdmin(BaseUserAdmin):
        list_display = BaseUserAdmin.list_display + ("date_joined",)

A user is added in two steps (username and password, then the full change form); the
password is never edited as a hash but on its own page, ``<id>/password/``.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.contrib import admin, messages
from pyframework.contrib.admin.base_options import IS_POPUP_VAR
from pyframework.contrib.admin.helpers import AdminForm
from pyframework.contrib.admin.utils import quote, unquote
from pyframework.contrib.auth import update_session_auth_hash
from pyframework.contrib.auth.forms import AdminPasswordChangeForm, AdminUserCreationForm, UserChangeForm
from pyframework.contrib.auth.models import Group, User
from pyframework.core.exceptions import PermissionDenied
from pyframework.http import Http404, HttpResponseRedirect
from pyframework.template.response import TemplateResponse
from pyframework.urls.conf import path
from pyframework.utils.compat import text_type
from pyframework.utils.translation import gettext
from pyframework.utils.translation import gettext_lazy as _


class GroupAdmin(admin.ModelAdmin):
    """Groups: searched and ordered by name, their permissions in a filtered two-list selector."""

    search_fields = ("name",)
    ordering = ("name",)
    filter_horizontal = ("permissions",)

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name == "permissions":
            queryset = kwargs.get("queryset", db_field.remote_field.model._default_manager.all())
            # Each permission's label names its content type: one join instead of a query per option.
            kwargs["queryset"] = queryset.select_related("content_type")
        return super(GroupAdmin, self).formfield_for_manytomany(db_field, request=request, **kwargs)


class UserAdmin(admin.ModelAdmin):
    """Users: a two-step add form, a change form with the password read-only, a password page.

    Options as in Django: ``add_form`` / ``add_fieldsets`` for the first step, ``form`` /
    ``fieldsets`` afterwards, ``change_password_form`` and ``change_user_password_template``
    for ``<id>/password/``.
    """

    add_form_template = "admin/auth/user/add_form.html"
    change_user_password_template = None
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "usable_password", "password1", "password2")}),
    )
    form = UserChangeForm
    add_form = AdminUserCreationForm
    change_password_form = AdminPasswordChangeForm
    list_display = ("username", "email", "first_name", "last_name", "is_staff")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups")
    search_fields = ("username", "first_name", "last_name", "email")
    ordering = ("username",)
    filter_horizontal = ("groups", "user_permissions")

    def get_fieldsets(self, request, obj=None):
        if not obj:
            return self.add_fieldsets
        return super(UserAdmin, self).get_fieldsets(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        """The add form (``add_form``) until the user exists, then ``form``."""
        defaults = {}
        if obj is None:
            defaults["form"] = self.add_form
        defaults.update(kwargs)
        return super(UserAdmin, self).get_form(request, obj, **defaults)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path("<id>/password/", self.admin_site.admin_view(self.user_change_password),
                 name="%s_%s_password_change" % info),
        ] + super(UserAdmin, self).get_urls()

    def lookup_allowed(self, lookup, value, request=None):
        # Never a query-string filter on the password hash, whatever list_filter says.
        return not lookup.startswith("password") and super(UserAdmin, self).lookup_allowed(lookup, value, request)

    def add_view(self, request, form_url="", extra_context=None):
        # Whoever may add users but not change them could add a superuser, which amounts to
        # changing users: adding needs both permissions, as in Django.
        if not self.has_change_permission(request):
            if self.has_add_permission(request) and settings.DEBUG:
                raise Http404(
                    'Your user does not have the "Change user" permission. In order to add users, pyframework '
                    'requires that your user account have both the "Add user" and "Change user" permissions set.')
            raise PermissionDenied
        username_field = self.opts.get_field(self.model.USERNAME_FIELD)
        context = {"auto_populated_fields": (), "username_help_text": username_field.help_text}
        context.update(extra_context or {})
        return super(UserAdmin, self).add_view(request, form_url, context)

    def response_add(self, request, obj, post_url_continue=None):
        # Step two of adding a user is the change form: "Save" continues editing there
        # (unless "Save and add another" was pressed).
        if "_addanother" not in request.POST and IS_POPUP_VAR not in request.POST:
            request.POST = request.POST.copy()
            request.POST["_continue"] = 1
        return super(UserAdmin, self).response_add(request, obj, post_url_continue)

    def user_change_password(self, request, id, form_url=""):
        """``<id>/password/``: set a user's password (or disable password logins); needs change permission."""
        user = self.get_object(request, unquote(id))
        if not self.has_change_permission(request, user):
            raise PermissionDenied
        if user is None:
            raise Http404(gettext("%(name)s object with primary key %(key)r does not exist.") % {
                "name": text_type(self.opts.verbose_name), "key": id})
        if request.method == "POST":
            form = self.change_password_form(user, request.POST)
            if form.is_valid():
                # With JavaScript off both buttons are there: "disabled" must come from its own button.
                if not (form.cleaned_data["set_usable_password"] or "unset-password" in request.POST):
                    messages.error(request, gettext("Conflicting form data submitted. Please try again."))
                    return HttpResponseRedirect(request.get_full_path())
                user = form.save()
                self.log_change(request, user, self.construct_change_message(request, form, None))
                if user.has_usable_password():
                    messages.success(request, gettext("Password changed successfully."))
                else:
                    messages.success(request, gettext("Password-based authentication was disabled."))
                # Changing one's own password keeps this session logged in (the others end).
                update_session_auth_hash(request, form.user)
                return HttpResponseRedirect(self._url("change", quote(user.pk)))
        else:
            form = self.change_password_form(user)
        fieldsets = [(None, {"fields": [name for name in ("usable_password", "password1", "password2")
                                        if name in form.fields]})]
        title = _("Change password: %s") if user.has_usable_password() else _("Set password: %s")
        context = dict(
            self.admin_site.each_context(request), title=title % user.get_username(), subtitle=None,
            adminForm=AdminForm(form, fieldsets, {}), adminform=AdminForm(form, fieldsets, {}), form_url=form_url,
            form=form, is_popup=IS_POPUP_VAR in request.POST or IS_POPUP_VAR in request.GET,
            is_popup_var=IS_POPUP_VAR, add=True, change=False, has_delete_permission=False,
            has_change_permission=True, has_absolute_url=False, opts=self.opts, original=user, save_as=False,
            show_save=True, changelist_url=self._url("changelist"), change_url=self._url("change", quote(user.pk)))
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.change_user_password_template or "admin/auth/user/change_password.html",
                                context)


admin.site.register(Group, GroupAdmin)
# As Django skips a swapped-out model: a project with its own AUTH_USER_MODEL registers that one.
if settings.AUTH_USER_MODEL == "auth.User":
    admin.site.register(User, UserAdmin)
