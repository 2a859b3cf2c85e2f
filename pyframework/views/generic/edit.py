"""Views that show a form and process its submission.

FormView needs no database. CreateView, UpdateView and DeleteView build on
the same mixins with a model form: they add ``get_object()`` and a
``form_valid()`` that saves the instance.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.http import HttpResponseRedirect
from pyframework.forms.forms import Form
from pyframework.forms.models import modelform_factory
from pyframework.views.generic.base import ContextMixin, TemplateResponseMixin, View
from pyframework.views.generic.detail import BaseDetailView, SingleObjectMixin, SingleObjectTemplateResponseMixin


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


class ModelFormMixin(FormMixin, SingleObjectMixin):
    """A FormMixin whose form is a ModelForm over ``self.object`` (None when creating)."""

    fields = None

    def get_form_class(self):
        if self.form_class is not None:
            if self.fields is not None:
                raise ImproperlyConfigured("Specifying both 'fields' and 'form_class' is not permitted.")
            return self.form_class
        if self.model is not None:
            model = self.model
        elif getattr(self, "object", None) is not None:
            model = self.object.__class__
        else:
            model = self.get_queryset().model
        if self.fields is None:
            raise ImproperlyConfigured(
                "Using ModelFormMixin (base class of %s) without the 'fields' attribute is prohibited."
                % type(self).__name__)
        return modelform_factory(model, fields=self.fields)

    def get_form_kwargs(self):
        kwargs = super(ModelFormMixin, self).get_form_kwargs()
        if getattr(self, "object", None) is not None:
            kwargs["instance"] = self.object
        return kwargs

    def get_success_url(self):
        """``success_url`` (may use the object's attributes: "/posts/{id}/"), else the object's URL."""
        if self.success_url:
            return ("%s" % (self.success_url,)).format(**self.object.__dict__)
        get_absolute_url = getattr(self.object, "get_absolute_url", None)
        if get_absolute_url is None:
            raise ImproperlyConfigured(
                "%s has no URL to redirect to: set success_url or define get_absolute_url() on the model."
                % type(self).__name__)
        return get_absolute_url()

    def form_valid(self, form):
        self.object = form.save()
        return super(ModelFormMixin, self).form_valid(form)


class BaseCreateView(ModelFormMixin, ProcessFormView):
    def get(self, request, *args, **kwargs):
        self.object = None
        return super(BaseCreateView, self).get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = None
        return super(BaseCreateView, self).post(request, *args, **kwargs)


class CreateView(SingleObjectTemplateResponseMixin, BaseCreateView):
    """Create an object with a model form; template ``<app>/<model>_form.html``."""

    template_name_suffix = "_form"


class BaseUpdateView(ModelFormMixin, ProcessFormView):
    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super(BaseUpdateView, self).get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        return super(BaseUpdateView, self).post(request, *args, **kwargs)


class UpdateView(SingleObjectTemplateResponseMixin, BaseUpdateView):
    """Edit an object with a model form; template ``<app>/<model>_form.html``."""

    template_name_suffix = "_form"


class DeletionMixin(object):
    """POST (or DELETE) deletes ``self.object`` and redirects to ``success_url``."""

    success_url = None

    def delete(self, request, *args, **kwargs):
        self.object = self.get_object()
        success_url = self.get_success_url()
        self.object.delete()
        return HttpResponseRedirect(success_url)

    def get_success_url(self):
        if not self.success_url:
            raise ImproperlyConfigured("%s needs a success_url to redirect to after deleting."
                                       % type(self).__name__)
        return ("%s" % (self.success_url,)).format(**self.object.__dict__)


class BaseDeleteView(DeletionMixin, FormMixin, BaseDetailView):
    """GET shows a confirmation page; POST runs the (empty, CSRF-protected) form and deletes."""

    form_class = Form

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        form = self.get_form()
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_valid(self, form):
        success_url = self.get_success_url()
        self.object.delete()
        return HttpResponseRedirect(success_url)


class DeleteView(SingleObjectTemplateResponseMixin, BaseDeleteView):
    """Confirm, then delete an object; template ``<app>/<model>_confirm_delete.html``."""

    template_name_suffix = "_confirm_delete"
