"""The site's accounts in the admin: users (searchable, filtered, deactivated in bulk) and groups.

A new user is added with a password typed twice (the sign-up form's checks), never a raw hash;
afterwards the change form edits everything but the password (``manage.py changepassword``,
or the user's own password-change page, sets it).
"""
from __future__ import unicode_literals

from pyframework.contrib import admin
from pyframework.contrib.auth import get_user_model
from pyframework.contrib.auth.forms import UserCreationForm
from pyframework.contrib.auth.models import Group

User = get_user_model()


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["username", "email", "is_staff", "is_active", "date_joined", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["username", "first_name", "last_name", "email"]
    ordering = ["username"]
    filter_horizontal = ["groups", "user_permissions"]
    readonly_fields = ["last_login", "date_joined"]
    fieldsets = [
        (None, {"fields": ["username"]}),
        ("Personal info", {"fields": ["first_name", "last_name", "email"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Important dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_form = UserCreationForm
    add_fieldsets = [(None, {"fields": ["username", "password1", "password2"]})]
    actions = ["deactivate"]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.add_fieldsets
        return super(UserAdmin, self).get_fieldsets(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super(UserAdmin, self).get_form(request, obj, **kwargs)

    @admin.action(description="Deactivate the selected accounts (their posts stay)")
    def deactivate(self, request, queryset):
        # Never the account doing it: nobody locks themselves out by accident.
        count = queryset.exclude(pk=request.user.pk).update(is_active=False)
        self.message_user(request, "%d account(s) deactivated." % count)


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    ordering = ["name"]
    filter_horizontal = ["permissions"]
