"""Views that show a form and process its submission.

FormView needs no database. CreateView, UpdateView and DeleteView build on
the same mixins once model forms exist: they add ``get_object()`` and a
``form_valid()`` that saves the instance.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.http import HttpResponseRedirect
from pyframework.views.generic.base import ContextMixin, TemplateResponseMixin, View


class FormMixin(ContextMixin):
    """Builds the form and decides what happens after validation."""

    initial = {}
    form_class = None
    success_url = None
    prefix = None

    def get_initial(self):
        return self.initial.copy()

    def get_prefix(self):
        return self.prefix

    def get_form_class(self):
        if self.form_class is None:
            raise ImproperlyConfigured(
                "%s needs a form_class attribute or a get_form_class() method." % type(self).__name__)
        return self.form_class

    def get_form(self, form_class=None):
        if form_class is None:
            form_class = self.get_form_class()
        return form_class(**self.get_form_kwargs())

    def get_form_kwargs(self):
        """``initial`` and ``prefix``; on POST and PUT also the submitted ``data`` and ``files``."""
        kwargs = {"initial": self.get_initial(), "prefix": self.get_prefix()}
        if self.request.method in ("POST", "PUT"):
            kwargs["data"] = self.request.POST
            kwargs["files"] = self.request.FILES
        return kwargs

    def get_success_url(self):
        if not self.success_url:
            raise ImproperlyConfigured(
                "%s has no URL to redirect to after a valid form: set success_url or define "
                "get_success_url()." % type(self).__name__)
        return "%s" % (self.success_url,)  # may be a lazy reverse()

    def form_valid(self, form):
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form):
        """Show the form again with its errors (status 200, as browsers expect)."""
        return self.render_to_response(self.get_context_data(form=form))

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            kwargs["form"] = self.get_form()
        return super(FormMixin, self).get_context_data(**kwargs)


class ProcessFormView(View):
    """GET shows a blank form; POST (and PUT) validates it."""

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def put(self, *args, **kwargs):
        return self.post(*args, **kwargs)


class BaseFormView(FormMixin, ProcessFormView):
    """A form view that leaves rendering to a subclass."""


class FormView(TemplateResponseMixin, BaseFormView):
    """Render ``template_name`` with ``form`` in the context; redirect to ``success_url`` once valid."""
