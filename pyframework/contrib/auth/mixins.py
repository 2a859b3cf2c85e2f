"""Class-based view counterparts of the decorators in ``decorators.py``."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.contrib.auth import REDIRECT_FIELD_NAME
from pyframework.contrib.auth.redirects import login_redirect_target, redirect_to_login
from pyframework.core.exceptions import ImproperlyConfigured, PermissionDenied
from pyframework.utils.compat import string_types


class AccessMixin(object):
    """What happens when access is refused: a redirect to the login page, or 403."""

    login_url = None
    permission_denied_message = ""
    raise_exception = False
    redirect_field_name = REDIRECT_FIELD_NAME

    def get_login_url(self):
        login_url = self.login_url or settings.LOGIN_URL
        if not login_url:
            raise ImproperlyConfigured("%s is missing the login_url attribute. Define %s.login_url, "
                                       "settings.LOGIN_URL, or override %s.get_login_url()."
                                       % ((type(self).__name__,) * 3))
        return login_url

    def get_permission_denied_message(self):
        return self.permission_denied_message

    def get_redirect_field_name(self):
        return self.redirect_field_name

    def handle_no_permission(self):
        # A logged-in user would only be sent round in circles by the login page.
        if self.raise_exception or self.request.user.is_authenticated:
            raise PermissionDenied(self.get_permission_denied_message())
        path, login_url = login_redirect_target(self.request, self.get_login_url())
        return redirect_to_login(path, login_url, self.get_redirect_field_name())


class LoginRequiredMixin(AccessMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        return super(LoginRequiredMixin, self).dispatch(request, *args, **kwargs)


class PermissionRequiredMixin(AccessMixin):
    permission_required = None

    def get_permission_required(self):
        if self.permission_required is None:
            raise ImproperlyConfigured("%s is missing the permission_required attribute. Define "
                                       "%s.permission_required, or override %s.get_permission_required()."
                                       % ((type(self).__name__,) * 3))
        if isinstance(self.permission_required, string_types):
            return (self.permission_required,)
        return self.permission_required

    def has_permission(self):
        return self.request.user.has_perms(self.get_permission_required())

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission():
            return self.handle_no_permission()
        return super(PermissionRequiredMixin, self).dispatch(request, *args, **kwargs)


class UserPassesTestMixin(AccessMixin):
    def test_func(self):
        raise NotImplementedError("%s is missing the implementation of the test_func() method."
                                  % type(self).__name__)

    def get_test_func(self):
        return self.test_func

    def dispatch(self, request, *args, **kwargs):
        if not self.get_test_func()():
            return self.handle_no_permission()
        return super(UserPassesTestMixin, self).dispatch(request, *args, **kwargs)
