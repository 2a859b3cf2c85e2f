"""The site's accounts in the admin: contrib.auth's UserAdmin, extended as a Django project does.

contrib.auth registers its UserAdmin and GroupAdmin itself; this module swaps the users' one for a
subclass with more columns and a bulk "deactivate" action. New users are added in two steps
(username and password typed twice, then the full form); a password is changed on the user's
"Reset password" page, never edited as a hash. Groups keep contrib.auth's GroupAdmin.
"""
from __future__ import unicode_literals

from pyframework.contrib import admin
from pyframework.contrib.auth import admin as auth_admin
from pyframework.contrib.auth import get_user_model

User = get_user_model()

admin.site.unregister(User)


@admin.register(User)
class UserAdmin(auth_admin.UserAdmin):
    list_display = ["username", "email", "is_staff", "is_active", "date_joined", "last_login"]
    readonly_fields = ["last_login", "date_joined"]
    actions = ["deactivate"]

    @admin.action(description="Deactivate the selected accounts (their posts stay)")
    def deactivate(self, request, queryset):
        # Never the account doing it: nobody locks themselves out by accident.
        count = queryset.exclude(pk=request.user.pk).update(is_active=False)
        self.message_user(request, "%d account(s) deactivated." % count)
