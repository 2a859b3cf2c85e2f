"""DetailView: one object, looked up by primary key or slug from the URL."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ImproperlyConfigured, ObjectDoesNotExist, ValidationError
from pyframework.http import Http404
from pyframework.views.generic.base import ContextMixin, TemplateResponseMixin, View


def model_template_name(model, suffix):
    """``<app_label>/<model_name><suffix>.html``: where generic views look by default."""
    opts = model._meta
    return "%s/%s%s.html" % (opts.app_label, opts.model_name, suffix)


class SingleObjectMixin(ContextMixin):
    """Finds ``self.object`` through ``pk_url_kwarg`` or ``slug_url_kwarg`` of the URL."""

    model = None
    queryset = None
    slug_field = "slug"
    context_object_name = None
    slug_url_kwarg = "slug"
    pk_url_kwarg = "pk"
    query_pk_and_slug = False

    def get_queryset(self):
        if self.queryset is not None:
            return self.queryset.all()  # a fresh copy: the class attribute is shared by requests
        if self.model is not None:
            return self.model._default_manager.all()
        raise ImproperlyConfigured(
            "%s is missing a QuerySet: define %s.model, %s.queryset, or override %s.get_queryset()."
            % ((type(self).__name__,) * 4))

    def get_slug_field(self):
        return self.slug_field

    def get_object(self, queryset=None):
        """The object the URL names; Http404 when there is none (or the key is malformed)."""
        if queryset is None:
            queryset = self.get_queryset()
        pk = self.kwargs.get(self.pk_url_kwarg)
        slug = self.kwargs.get(self.slug_url_kwarg)
        if pk is None and slug is None:
            raise AttributeError(
                "%s must be called with either an object pk or a slug in the URLconf." % type(self).__name__)
        try:
            if pk is not None:
                # Converted and range-checked first: a malformed key is "not found", never a database error.
                pk_field = queryset.model._meta.pk
                pk = pk_field.to_python(pk)
                pk_field.run_validators(pk)
                queryset = queryset.filter(pk=pk)
            if slug is not None and (pk is None or self.query_pk_and_slug):
                queryset = queryset.filter(**{self.get_slug_field(): slug})
            return queryset.get()
        except (ObjectDoesNotExist, ValidationError, ValueError, TypeError):
            raise Http404("No %s found matching the query." % queryset.model._meta.verbose_name)

    def get_context_object_name(self, obj):
        if self.context_object_name:
            return self.context_object_name
        if hasattr(obj, "_meta"):
            return obj._meta.model_name
        return None

    def get_context_data(self, **kwargs):
        context = {}
        if getattr(self, "object", None) is not None:
            context["object"] = self.object
            name = self.get_context_object_name(self.object)
            if name:
                context[name] = self.object
        context.update(kwargs)
        return super(SingleObjectMixin, self).get_context_data(**context)


class BaseDetailView(SingleObjectMixin, View):
    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        return self.render_to_response(self.get_context_data(object=self.object))


class SingleObjectTemplateResponseMixin(TemplateResponseMixin):
    """Without ``template_name``: ``<app>/<model><template_name_suffix>.html``."""

    template_name_field = None
    template_name_suffix = "_detail"

    def get_template_names(self):
        if self.template_name is not None:
            return [self.template_name]
        names = []
        obj = getattr(self, "object", None)
        if obj is not None and self.template_name_field:
            name = getattr(obj, self.template_name_field, None)
            if name:
                names.append(name)
        model = getattr(obj, "__class__", None) if hasattr(obj, "_meta") else self.model
        if model is None and getattr(self, "queryset", None) is not None:
            model = self.queryset.model
        if model is None:
            raise ImproperlyConfigured(
                "%s needs a template_name, a model or a queryset to choose its template." % type(self).__name__)
        names.append(model_template_name(model, self.template_name_suffix))
        return names


class DetailView(SingleObjectTemplateResponseMixin, BaseDetailView):
    """Render one object (``object`` and ``<model_name>`` in the context)."""
