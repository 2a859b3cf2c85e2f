"""Log in and out, change a forgotten or known password: class-based views with default templates.

Every ``next=`` target is checked with ``url_has_allowed_host_and_scheme``: a
link to another site falls back to the default page (no open redirects).
Login and the password forms are CSRF-protected even without
CsrfViewMiddleware, and their responses are never cached.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from pyframework.contrib.auth import login as auth_login
from pyframework.contrib.auth import logout as auth_logout
from pyframework.contrib.auth import update_session_auth_hash
from pyframework.contrib.auth.forms import (
    AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm)
from pyframework.contrib.auth.mixins import LoginRequiredMixin
from pyframework.contrib.auth.redirects import redirect_to_login  # noqa: F401  (Django's import path)
from pyframework.contrib.auth.tokens import default_token_generator
from pyframework.contrib.sites.shortcuts import get_current_site
from pyframework.core.exceptions import ImproperlyConfigured, ValidationError
from pyframework.http import HttpResponseRedirect
from pyframework.shortcuts import resolve_url
from pyframework.urls import reverse_lazy
from pyframework.utils.encoding import force_text
from pyframework.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from pyframework.views.decorators.csrf import csrf_protect
from pyframework.views.generic.base import TemplateView
from pyframework.views.generic.edit import FormView
from pyframework.utils.translation import gettext_lazy as _

# Where the reset token waits between its link and the form that uses it.
INTERNAL_RESET_SESSION_TOKEN = "_password_reset_token"

_NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"


def _site_context(request):
    """``site`` and ``site_name`` for the templates: the current Site, or the request's host."""
    current_site = get_current_site(request)
    return {"site": current_site, "site_name": current_site.name}


class SecureFormViewMixin(object):
    """CSRF-checked (whatever MIDDLEWARE says) and never cached: pages handling passwords."""

    @classmethod
    def as_view(cls, **initkwargs):
        return csrf_protect(super(SecureFormViewMixin, cls).as_view(**initkwargs))

    def dispatch(self, request, *args, **kwargs):
        response = super(SecureFormViewMixin, self).dispatch(request, *args, **kwargs)
        response["Cache-Control"] = _NEVER_CACHE
        return response


class RedirectURLMixin(object):
    """Where to go after success: a safe ``next`` from the request, else ``get_default_redirect_url()``."""

    next_page = None
    redirect_field_name = REDIRECT_FIELD_NAME
    success_url_allowed_hosts = set()

    def get_success_url(self):
        return self.get_redirect_url() or self.get_default_redirect_url()

    def get_redirect_url(self):
        """The requested ``next`` if it stays on an allowed host (and on HTTPS when the request is); else ""."""
        redirect_to = self.request.POST.get(self.redirect_field_name, self.request.GET.get(self.redirect_field_name))
        if redirect_to and url_has_allowed_host_and_scheme(
                redirect_to, allowed_hosts=self.get_success_url_allowed_hosts(),
                require_https=self.request.is_secure()):
            return redirect_to
        return ""

    def get_success_url_allowed_hosts(self):
        return set([self.request.get_host()]) | set(self.success_url_allowed_hosts)

    def get_default_redirect_url(self):
        if self.next_page:
            return resolve_url(self.next_page)
        raise ImproperlyConfigured("No URL to redirect to. Provide a next_page.")


class LoginView(SecureFormViewMixin, RedirectURLMixin, FormView):
    """Show the login form; log the user in and redirect to ``next`` (if safe) or LOGIN_REDIRECT_URL."""

    form_class = AuthenticationForm
    authentication_form = None
    template_name = "registration/login.html"
    redirect_authenticated_user = False
    extra_context = None

    def dispatch(self, request, *args, **kwargs):
        if self.redirect_authenticated_user and request.user.is_authenticated:
            redirect_to = self.get_success_url()
            if redirect_to == request.path:
                raise ValueError("Redirection loop for authenticated user detected. Check that your "
                                 "LOGIN_REDIRECT_URL doesn't point to a login page.")
            return HttpResponseRedirect(redirect_to)
        return super(LoginView, self).dispatch(request, *args, **kwargs)

    def get_default_redirect_url(self):
        return resolve_url(self.next_page or settings.LOGIN_REDIRECT_URL)

    def get_form_class(self):
        return self.authentication_form or self.form_class

    def get_form_kwargs(self):
        kwargs = super(LoginView, self).get_form_kwargs()
        kwargs["request"] = self.request
        return kwargs

    def form_valid(self, form):
        auth_login(self.request, form.get_user())
        return HttpResponseRedirect(self.get_success_url())

    def get_context_data(self, **kwargs):
        context = super(LoginView, self).get_context_data(**kwargs)
        context.update({
            self.redirect_field_name: self.get_redirect_url(),
        })
        context.update(_site_context(self.request))
        context.update(self.extra_context or {})
        return context


class LogoutView(RedirectURLMixin, TemplateView):
    """Log out on POST (a link or image could otherwise log people out), then redirect or show a page."""

    http_method_names = ["post", "options"]
    template_name = "registration/logged_out.html"
    extra_context = None

    @classmethod
    def as_view(cls, **initkwargs):
        return csrf_protect(super(LogoutView, cls).as_view(**initkwargs))

    def post(self, request, *args, **kwargs):
        auth_logout(request)
        redirect_to = self.get_success_url()
        if redirect_to != request.get_full_path():
            return HttpResponseRedirect(redirect_to)
        return self.render_to_response(self.get_context_data(**kwargs))

    def get_default_redirect_url(self):
        if self.next_page:
            return resolve_url(self.next_page)
        if settings.LOGOUT_REDIRECT_URL:
            return resolve_url(settings.LOGOUT_REDIRECT_URL)
        return self.request.path

    def get_context_data(self, **kwargs):
        context = super(LogoutView, self).get_context_data(**kwargs)
        context.update(_site_context(self.request))
        context["title"] = _("Logged out")
        context.update(self.extra_context or {})
        return context


class PasswordContextMixin(object):
    """``title`` and ``extra_context`` in the template context."""

    extra_context = None
    title = ""

    def get_context_data(self, **kwargs):
        context = super(PasswordContextMixin, self).get_context_data(**kwargs)
        context["title"] = self.title
        context.update(self.extra_context or {})
        return context


class PasswordResetView(SecureFormViewMixin, PasswordContextMixin, FormView):
    """Ask for an e-mail address and mail a reset link to its accounts (the page never says whether one exists)."""

    email_template_name = "registration/password_reset_email.txt"
    extra_email_context = None
    form_class = PasswordResetForm
    from_email = None
    html_email_template_name = None
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")
    template_name = "registration/password_reset_form.html"
    title = _("Password reset")
    token_generator = default_token_generator

    def form_valid(self, form):
        form.save(
            use_https=self.request.is_secure(), token_generator=self.token_generator, from_email=self.from_email,
            email_template_name=self.email_template_name, subject_template_name=self.subject_template_name,
            request=self.request, html_email_template_name=self.html_email_template_name,
            extra_email_context=self.extra_email_context)
        return super(PasswordResetView, self).form_valid(form)


class PasswordResetDoneView(PasswordContextMixin, TemplateView):
    template_name = "registration/password_reset_done.html"
    title = _("Password reset sent")


class PasswordResetConfirmView(SecureFormViewMixin, PasswordContextMixin, FormView):
    """The link from the e-mail: check the token, then let the user set a new password.

    A valid token is moved into the session and the browser redirected to a URL
    without it, so the token cannot leak through the Referer header of the form page.
    """

    form_class = SetPasswordForm
    post_reset_login = False
    post_reset_login_backend = None
    reset_url_token = "set-password"
    success_url = reverse_lazy("password_reset_complete")
    template_name = "registration/password_reset_confirm.html"
    title = _("Enter new password")
    token_generator = default_token_generator

    def dispatch(self, request, *args, **kwargs):
        self.validlink = False
        self.user = self.get_user(kwargs.get("uidb64", ""))
        token = kwargs.get("token", "")
        if self.user is not None:
            if token == self.reset_url_token:
                session_token = request.session.get(INTERNAL_RESET_SESSION_TOKEN)
                if self.token_generator.check_token(self.user, session_token):
                    self.validlink = True
                    return super(PasswordResetConfirmView, self).dispatch(request, *args, **kwargs)
            elif self.token_generator.check_token(self.user, token):
                request.session[INTERNAL_RESET_SESSION_TOKEN] = token
                return HttpResponseRedirect(request.path.replace(token, self.reset_url_token))
        # An invalid or used link: the page says so, without a form.
        response = self.render_to_response(self.get_context_data())
        response["Cache-Control"] = _NEVER_CACHE
        return response

    def get_user(self, uidb64):
        UserModel = get_user_model()
        try:
            uid = force_text(urlsafe_base64_decode(uidb64))
            return UserModel._default_manager.get(pk=UserModel._meta.pk.to_python(uid))
        except (TypeError, ValueError, OverflowError, UnicodeError, ValidationError, UserModel.DoesNotExist):
            return None

    def get_form_kwargs(self):
        kwargs = super(PasswordResetConfirmView, self).get_form_kwargs()
        kwargs["user"] = self.user
        return kwargs

    def form_valid(self, form):
        user = form.save()
        # The new password hash already invalidates the token; the session copy goes too.
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        if self.post_reset_login:
            auth_login(self.request, user, self.post_reset_login_backend)
        return super(PasswordResetConfirmView, self).form_valid(form)

    def get_context_data(self, **kwargs):
        if not self.validlink:
            kwargs.setdefault("form", None)
        context = super(PasswordResetConfirmView, self).get_context_data(**kwargs)
        context["validlink"] = self.validlink
        if not self.validlink:
            context["title"] = _("Password reset unsuccessful")
        return context


class PasswordResetCompleteView(PasswordContextMixin, TemplateView):
    template_name = "registration/password_reset_complete.html"
    title = _("Password reset complete")

    def get_context_data(self, **kwargs):
        context = super(PasswordResetCompleteView, self).get_context_data(**kwargs)
        context["login_url"] = resolve_url(settings.LOGIN_URL)
        return context


class PasswordChangeView(LoginRequiredMixin, SecureFormViewMixin, PasswordContextMixin, FormView):
    """Change the logged-in user's password; this session stays logged in, the user's others do not."""

    form_class = PasswordChangeForm
    success_url = reverse_lazy("password_change_done")
    template_name = "registration/password_change_form.html"
    title = _("Password change")

    def get_form_kwargs(self):
        kwargs = super(PasswordChangeView, self).get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        form.save()
        update_session_auth_hash(self.request, form.user)
        return super(PasswordChangeView, self).form_valid(form)


class PasswordChangeDoneView(LoginRequiredMixin, PasswordContextMixin, TemplateView):
    template_name = "registration/password_change_done.html"
    title = _("Password change successful")
