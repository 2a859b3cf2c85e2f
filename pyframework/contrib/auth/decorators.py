"""View decorators that let a request through only for suitable users."""
from __future__ import absolute_import, unicode_literals

import functools

from pyframework.contrib.auth import REDIRECT_FIELD_NAME
from pyframework.contrib.auth.redirects import login_redirect_target, redirect_to_login
from pyframework.core.exceptions import PermissionDenied
from pyframework.utils.compat import string_types


def user_passes_test(test_func, login_url=None, redirect_field_name=REDIRECT_FIELD_NAME):
    """Run the view if ``test_func(request.user)`` is true, else redirect to the login page with ?next=."""
    def decorator(view_func):
        @functools.wraps(view_func)
        def wrapper(request, *args, **kwargs):
            if test_func(request.user):
                return view_func(request, *args, **kwargs)
            path, resolved_login_url = login_redirect_target(request, login_url)
            return redirect_to_login(path, resolved_login_url, redirect_field_name)
        return wrapper
    return decorator


def login_required(function=None, redirect_field_name=REDIRECT_FIELD_NAME, login_url=None):
    """Usable bare (``@login_required``) or with arguments (``@login_required(login_url=...)``)."""
    decorator = user_passes_test(lambda user: user.is_authenticated,
                                 login_url=login_url, redirect_field_name=redirect_field_name)
    return decorator(function) if function else decorator


def login_not_required(view_func):
    """Exempt a view from LoginRequiredMiddleware."""
    view_func.login_required = False
    return view_func


def permission_required(perm, login_url=None, raise_exception=False):
    """The user must hold ``perm`` (one name or several); else 403 with raise_exception, or the login page."""
    perms = (perm,) if isinstance(perm, string_types) else perm

    def check_perms(user):
        if user.has_perms(perms):
            return True
        if raise_exception:
            raise PermissionDenied
        return False
    return user_passes_test(check_perms, login_url=login_url)
