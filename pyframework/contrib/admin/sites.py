"""AdminSite: the registry of ModelAdmins, the URLs of one admin, its index, login and logout.

``admin.site`` is the default instance; a project may run several sites
(``AdminSite(name="staff")``), each mounted with ``path("staff/", staff_site.urls)``
and reversed in its own URL namespace.
"""
from __future__ import absolute_import, unicode_literals

import re
from functools import update_wrapper

from pyframework.apps import apps
from pyframework.contrib.admin import actions
from pyframework.contrib.admin.exceptions import AlreadyRegistered, NotRegistered
from pyframework.contrib.admin.forms import AdminAuthenticationForm, AdminPasswordChangeForm
from pyframework.contrib.admin.views.autocomplete import AutocompleteJsonView
from pyframework.contrib.auth import REDIRECT_FIELD_NAME
from pyframework.contrib.auth.redirects import redirect_to_login
from pyframework.contrib.auth.views import LoginView, LogoutView, PasswordChangeDoneView, PasswordChangeView
from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.db.models.base import ModelBase
from pyframework.http import Http404, HttpResponseRedirect
from pyframework.template.response import TemplateResponse
from pyframework.urls import NoReverseMatch, reverse
from pyframework.urls.conf import include, path, re_path
from pyframework.utils.text import capfirst
from pyframework.utils.translation import gettext as _
from pyframework.utils.translation import gettext_lazy
from pyframework.views.decorators.csrf import csrf_protect

NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"


def never_cache(view_func):
    """Admin pages show live data and personal state: no browser or proxy may cache them."""
    def wrapper(request, *args, **kwargs):
        response = view_func(request, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = NEVER_CACHE
        response["X-Frame-Options"] = "DENY"  # the admin is never framed, whatever the middleware says
        return response
    return update_wrapper(wrapper, view_func)


class AdminSite(object):
    """One admin: the registered models, their ModelAdmins and the site-wide pages.

    Attributes as in Django: ``site_header``, ``site_title``, ``index_title``, ``site_url``,
    ``empty_value_display``, ``index_template``, ``app_index_template``, ``login_template``,
    ``logout_template``, ``password_change_template``, ``password_change_done_template``,
    ``login_form``, ``final_catch_all_view``.
    """

    site_title = gettext_lazy("pyframework site admin")
    site_header = gettext_lazy("pyframework administration")
    index_title = gettext_lazy("Site administration")
    site_url = "/"
    enable_nav_sidebar = False
    empty_value_display = "-"
    login_form = None
    index_template = None
    app_index_template = None
    login_template = None
    logout_template = None
    password_change_template = None
    password_change_done_template = None
    final_catch_all_view = False

    def __init__(self, name="admin"):
        self._registry = {}
        self.name = name
        self._actions = {"delete_selected": actions.delete_selected}
        self._global_actions = self._actions.copy()
        all_sites.append(self)

    def __repr__(self):
        return "%s(name=%r)" % (self.__class__.__name__, self.name)

    # --- registry ---------------------------------------------------------------------------
    def check(self, app_configs):
        """The system-check messages of every registered ModelAdmin (of ``app_configs`` when given)."""
        app_configs = set(app_configs) if app_configs else None
        errors = []
        for model, model_admin in self._registry.items():
            if app_configs is None or model._meta.app_config in app_configs:
                errors.extend(model_admin.check())
        return errors

    def register(self, model_or_iterable, admin_class=None, **options):
        """Register models with ``admin_class`` (ModelAdmin by default); ``options`` make a subclass."""
        from pyframework.contrib.admin.options import ModelAdmin  # options imports this module's helpers

        admin_class = admin_class or ModelAdmin
        if isinstance(model_or_iterable, ModelBase):
            model_or_iterable = [model_or_iterable]
        for model in model_or_iterable:
            if model._meta.abstract:
                raise ImproperlyConfigured(
                    "The model %s is abstract, so it cannot be registered with admin." % model.__name__)
            if self.is_registered(model):
                raise AlreadyRegistered("The model %s is already registered with '%s'." % (
                    model.__name__, self._registry[model]))
            if options:
                options["__module__"] = __name__
                admin_class = type(str("%sAdmin" % model.__name__), (admin_class,), options)
            self._registry[model] = admin_class(model, self)

    def unregister(self, model_or_iterable):
        if isinstance(model_or_iterable, ModelBase):
            model_or_iterable = [model_or_iterable]
        for model in model_or_iterable:
            if not self.is_registered(model):
                raise NotRegistered("The model %s is not registered" % model.__name__)
            del self._registry[model]

    def is_registered(self, model):
        return model in self._registry

    def get_model_admin(self, model):
        try:
            return self._registry[model]
        except KeyError:
            raise NotRegistered("The model %s is not registered." % model.__name__)

    # --- actions ----------------------------------------------------------------------------
    def add_action(self, action, name=None):
        """Offer ``action`` on every change list of this site."""
        name = name or action.__name__
        self._actions[name] = action
        self._global_actions[name] = action

    def disable_action(self, name):
        del self._actions[name]

    def get_action(self, name):
        """An action by name, even when disabled."""
        return self._global_actions[name]

    @property
    def actions(self):
        return self._actions.items()

    # --- permissions and views ------------------------------------------------------------
    def has_permission(self, request):
        """Active staff members may use the admin."""
        user = request.user
        return user.is_active and user.is_staff

    def admin_view(self, view, cacheable=False):
        """Wrap a view: staff only (others go to the login page with ``next``), CSRF-checked, not cached."""
        def inner(request, *args, **kwargs):
            request.current_app = self.name
            if not self.has_permission(request):
                if request.path == reverse("admin:logout", current_app=self.name):
                    return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
                return redirect_to_login(request.get_full_path(),
                                         reverse("admin:login", current_app=self.name))
            return view(request, *args, **kwargs)
        if not cacheable:
            inner = never_cache(inner)
        if not getattr(view, "csrf_exempt", False):
            inner = csrf_protect(inner)
        return update_wrapper(inner, view)

    def get_urls(self):
        def wrap(view, cacheable=False):
            def wrapper(*args, **kwargs):
                return self.admin_view(view, cacheable)(*args, **kwargs)
            wrapper.admin_site = self
            return update_wrapper(wrapper, view)

        urlpatterns = [
            path("", wrap(self.index), name="index"),
            path("login/", self.login, name="login"),
            path("logout/", wrap(self.logout), name="logout"),
            path("password_change/", wrap(self.password_change, cacheable=True), name="password_change"),
            path("password_change/done/", wrap(self.password_change_done, cacheable=True),
                 name="password_change_done"),
            path("autocomplete/", wrap(self.autocomplete_view), name="autocomplete"),
            path("r/<int:content_type_id>/<path:object_id>/", wrap(self.view_on_site), name="view_on_site"),
        ]
        valid_app_labels = []
        for model, model_admin in self._registry.items():
            urlpatterns.append(path("%s/%s/" % (model._meta.app_label, model._meta.model_name),
                                    include(model_admin.urls)))
            if model._meta.app_label not in valid_app_labels:
                valid_app_labels.append(model._meta.app_label)
        if valid_app_labels:
            regex = r"^(?P<app_label>%s)/$" % "|".join(re.escape(label) for label in valid_app_labels)
            urlpatterns.append(re_path(regex, wrap(self.app_index), name="app_list"))
        if self.final_catch_all_view:
            urlpatterns.append(re_path(r"(?P<url>.*)$", wrap(self.catch_all_view)))
        return urlpatterns

    @property
    def urls(self):
        """``path("admin/", admin.site.urls)``: the patterns, app name "admin", this site's namespace."""
        return self.get_urls(), "admin", self.name

    def each_context(self, request):
        """The variables every admin page's template gets (site titles, the apps the user may see)."""
        script_name = request.META.get("SCRIPT_NAME", "")
        site_url = script_name if self.site_url == "/" and script_name else self.site_url
        return {
            "site_title": self.site_title,
            "site_header": self.site_header,
            "site_url": site_url,
            "has_permission": self.has_permission(request),
            "available_apps": self.get_app_list(request),
            "is_popup": False,
            "is_nav_sidebar_enabled": self.enable_nav_sidebar,
            "admin_site_name": self.name,
            "log_entries": [],
            "capfirst": capfirst,
        }

    def _build_app_dict(self, request, label=None):
        app_dict = {}
        models = self._registry
        if label:
            models = dict((m, m_a) for m, m_a in self._registry.items() if m._meta.app_label == label)
        for model, model_admin in models.items():
            app_label = model._meta.app_label
            if not model_admin.has_module_permission(request):
                continue
            perms = model_admin.get_model_perms(request)
            if True not in perms.values():
                continue
            info = (app_label, model._meta.model_name)
            model_dict = {
                "model": model,
                "name": capfirst(model._meta.verbose_name_plural),
                "object_name": model._meta.object_name,
                "perms": perms,
                "admin_url": None,
                "add_url": None,
            }
            if perms.get("change") or perms.get("view"):
                model_dict["view_only"] = not perms.get("change")
                try:
                    model_dict["admin_url"] = reverse("admin:%s_%s_changelist" % info, current_app=self.name)
                except NoReverseMatch:
                    pass
            if perms.get("add"):
                try:
                    model_dict["add_url"] = reverse("admin:%s_%s_add" % info, current_app=self.name)
                except NoReverseMatch:
                    pass
            if app_label in app_dict:
                app_dict[app_label]["models"].append(model_dict)
            else:
                app_config = apps.get_app_config(app_label)
                app_dict[app_label] = {
                    "name": app_config.verbose_name,
                    "app_label": app_label,
                    "app_url": reverse("admin:app_list", kwargs={"app_label": app_label}, current_app=self.name),
                    "has_module_perms": True,
                    "models": [model_dict],
                }
        return app_dict.get(label) if label else app_dict

    def get_app_list(self, request, app_label=None):
        """The apps (sorted by name) and their models (sorted by name) the user may see."""
        app_dict = self._build_app_dict(request, app_label)
        if app_label:
            app_dict = {app_label: app_dict} if app_dict else {}
        app_list = sorted(app_dict.values(), key=lambda app: ("%s" % app["name"]).lower())
        for app in app_list:
            app["models"].sort(key=lambda model: ("%s" % model["name"]).lower())
        return app_list

    def _render(self, request, templates, context):
        request.current_app = self.name
        return TemplateResponse(request, templates, context)

    def index(self, request, extra_context=None):
        """The admin's home page: every app and model the user may see, and their recent actions."""
        context = dict(self.each_context(request), title=self.index_title, subtitle=None,
                       app_list=self.get_app_list(request), recent_actions=self._recent_actions(request))
        context.update(extra_context or {})
        return self._render(request, self.index_template or "admin/index.html", context)

    def _recent_actions(self, request):
        from pyframework.contrib.admin.models import recent_actions  # LogEntry needs contenttypes installed

        return recent_actions(request.user, self)

    def app_index(self, request, app_label, extra_context=None):
        app_list = self.get_app_list(request, app_label)
        if not app_list:
            raise Http404("The requested admin page does not exist.")
        app_name = apps.get_app_config(app_label).verbose_name
        context = dict(self.each_context(request), title=_("%(app)s administration") % {"app": app_name},
                       subtitle=None, app_list=app_list, app_label=app_label)
        context.update(extra_context or {})
        return self._render(request, self.app_index_template or [
            "admin/%s/app_index.html" % app_label, "admin/app_index.html"], context)

    def login(self, request, extra_context=None):
        """The admin's login page (staff accounts only); a logged-in staff user goes to the index."""
        request.current_app = self.name
        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
        context = dict(self.each_context(request), title=_("Log in"), subtitle=None, app_path=request.get_full_path(),
                       username=request.user.get_username())
        if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
            context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=self.name)
        context.update(extra_context or {})
        view = LoginView.as_view(
            extra_context=context, authentication_form=self.login_form or AdminAuthenticationForm,
            template_name=self.login_template or "admin/login.html",
            next_page=reverse("admin:index", current_app=self.name))
        response = never_cache(view)(request)
        return response

    def logout(self, request, extra_context=None):
        """Log out (POST only, like Django 5) and show the logged-out page."""
        context = dict(self.each_context(request), has_permission=False, title=_("Logged out"), subtitle=None)
        context.update(extra_context or {})
        return LogoutView.as_view(template_name=self.logout_template or "admin/logged_out.html",
                                  extra_context=context)(request)

    def password_change(self, request, extra_context=None):
        url = reverse("admin:password_change_done", current_app=self.name)
        context = dict(self.each_context(request), title=_("Password change"), subtitle=None)
        context.update(extra_context or {})
        return PasswordChangeView.as_view(
            form_class=AdminPasswordChangeForm, success_url=url, extra_context=context,
            template_name=self.password_change_template or "admin/password_change_form.html")(request)

    def password_change_done(self, request, extra_context=None):
        context = dict(self.each_context(request), title=_("Password change successful"), subtitle=None)
        context.update(extra_context or {})
        return PasswordChangeDoneView.as_view(
            template_name=self.password_change_done_template or "admin/password_change_done.html",
            extra_context=context)(request)

    def autocomplete_view(self, request):
        return AutocompleteJsonView.as_view(admin_site=self)(request)

    def view_on_site(self, request, content_type_id, object_id):
        raise Http404("View on site is not available.")

    def catch_all_view(self, request, url):
        raise Http404("The requested admin page does not exist.")

    def get_log_entries(self, request):
        from pyframework.contrib.admin.models import LogEntry

        return LogEntry.objects.select_related("content_type", "user")

all_sites = []


class DefaultAdminSite(AdminSite):
    """The ``admin.site`` instance (Django's lazy default site, eager here)."""


site = DefaultAdminSite()
