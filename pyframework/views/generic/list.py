"""ListView: a list of objects, optionally paginated with ``?page=``."""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.paginator import InvalidPage, Paginator
from pyframework.http import Http404
from pyframework.utils.compat import string_types
from pyframework.views.generic.base import ContextMixin, TemplateResponseMixin, View
from pyframework.views.generic.detail import model_template_name


class MultipleObjectMixin(ContextMixin):
    """Provides ``get_queryset()`` and pagination for views over many objects."""

    allow_empty = True
    queryset = None
    model = None
    paginate_by = None
    paginate_orphans = 0
    context_object_name = None
    paginator_class = Paginator
    page_kwarg = "page"
    ordering = None

    def get_queryset(self):
        if self.queryset is not None:
            queryset = self.queryset
            if hasattr(queryset, "all"):
                queryset = queryset.all()  # a fresh copy per request: the attribute is shared
        elif self.model is not None:
            queryset = self.model._default_manager.all()
        else:
            raise ImproperlyConfigured(
                "%s is missing a QuerySet: define %s.model, %s.queryset, or override %s.get_queryset()."
                % ((type(self).__name__,) * 4))
        ordering = self.get_ordering()
        if ordering:
            if isinstance(ordering, string_types):
                ordering = (ordering,)
            queryset = queryset.order_by(*ordering)
        return queryset

    def get_ordering(self):
        return self.ordering

    def paginate_queryset(self, queryset, page_size):
        """``(paginator, page, object_list, is_paginated)``; Http404 for a page that does not exist."""
        paginator = self.get_paginator(queryset, page_size, orphans=self.get_paginate_orphans(),
                                       allow_empty_first_page=self.get_allow_empty())
        page = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        try:
            page_number = int(page)
        except (TypeError, ValueError):
            if page == "last":
                page_number = paginator.num_pages
            else:
                raise Http404("Page is not \u201clast\u201d, nor can it be converted to an int.")
        try:
            page = paginator.page(page_number)
        except InvalidPage as exc:
            raise Http404("Invalid page (%s): %s" % (page_number, exc))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_paginate_by(self, queryset):
        return self.paginate_by

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return self.paginator_class(queryset, per_page, orphans=orphans,
                                    allow_empty_first_page=allow_empty_first_page, **kwargs)

    def get_paginate_orphans(self):
        return self.paginate_orphans

    def get_allow_empty(self):
        return self.allow_empty

    def get_context_object_name(self, object_list):
        if self.context_object_name:
            return self.context_object_name
        model = getattr(object_list, "model", None)
        if model is not None:
            return "%s_list" % model._meta.model_name
        return None

    def get_context_data(self, **kwargs):
        queryset = kwargs.pop("object_list", self.object_list)
        page_size = self.get_paginate_by(queryset)
        name = self.get_context_object_name(queryset)
        if page_size:
            paginator, page, queryset, is_paginated = self.paginate_queryset(queryset, page_size)
            context = {"paginator": paginator, "page_obj": page, "is_paginated": is_paginated,
                       "object_list": queryset}
        else:
            context = {"paginator": None, "page_obj": None, "is_paginated": False, "object_list": queryset}
        if name is not None:
            context[name] = queryset
        context.update(kwargs)
        return super(MultipleObjectMixin, self).get_context_data(**context)


class BaseListView(MultipleObjectMixin, View):
    def get(self, request, *args, **kwargs):
        self.object_list = self.get_queryset()
        if not self.get_allow_empty():
            # With pagination, asking whether page 1 has rows is cheaper than counting them all.
            if self.get_paginate_by(self.object_list) is not None and hasattr(self.object_list, "exists"):
                is_empty = not self.object_list.exists()
            else:
                is_empty = not self.object_list
            if is_empty:
                raise Http404("Empty list and '%s.allow_empty' is False." % type(self).__name__)
        return self.render_to_response(self.get_context_data())


class MultipleObjectTemplateResponseMixin(TemplateResponseMixin):
    """Without ``template_name``: ``<app>/<model><template_name_suffix>.html``."""

    template_name_suffix = "_list"

    def get_template_names(self):
        if self.template_name is not None:
            return [self.template_name]
        model = getattr(self.object_list, "model", None) or self.model
        if model is None:
            raise ImproperlyConfigured(
                "%s needs a template_name, a model or a queryset to choose its template." % type(self).__name__)
        return [model_template_name(model, self.template_name_suffix)]


class ListView(MultipleObjectTemplateResponseMixin, BaseListView):
    """Render a list of objects (``object_list`` and ``<model_name>_list``; page_obj when paginated)."""
