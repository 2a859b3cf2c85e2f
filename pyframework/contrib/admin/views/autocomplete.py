"""``/admin/autocomplete/``: the JSON search behind ``autocomplete_fields``.

``?term=&app_label=&model_name=&field_name=[&page=]`` names the field being edited; the
answer lists the related objects the related ModelAdmin's ``get_search_results`` finds
(``{"results": [{"id": ..., "text": ...}], "pagination": {"more": bool}}``). An unknown
field, a field without autocomplete, or an unregistered model is a 403, as in Django.
"""
from __future__ import absolute_import, unicode_literals

from pyframework.core.exceptions import FieldDoesNotExist, PermissionDenied
from pyframework.core.paginator import InvalidPage
from pyframework.http import Http404, JsonResponse
from pyframework.apps import apps
from pyframework.utils.compat import text_type
from pyframework.views.generic.base import View

PAGE_SIZE = 20


class AutocompleteJsonView(View):
    admin_site = None
    paginate_by = PAGE_SIZE

    def get(self, request, *args, **kwargs):
        self.term, self.model_admin, self.source_field, to_field_name = self.process_request(request)
        if not self.has_perm(request):
            raise PermissionDenied
        queryset = self.get_queryset()
        paginator = self.model_admin.get_paginator(request, queryset, self.paginate_by)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage:
            raise Http404("Invalid page.")
        return JsonResponse({
            "results": [self.serialize_result(obj, to_field_name) for obj in page.object_list],
            "pagination": {"more": page.has_next()},
        })

    def serialize_result(self, obj, to_field_name):
        return {"id": text_type(getattr(obj, to_field_name)), "text": text_type(obj)}

    def get_queryset(self):
        qs = self.model_admin.get_queryset(self.request)
        qs, search_use_distinct = self.model_admin.get_search_results(self.request, qs, self.term)
        if search_use_distinct:
            qs = qs.distinct()
        if not qs.ordered:
            qs = qs.order_by(qs.model._meta.pk.name)
        return qs

    def process_request(self, request):
        term = request.GET.get("term", "")
        try:
            app_label = request.GET["app_label"]
            model_name = request.GET["model_name"]
            field_name = request.GET["field_name"]
        except KeyError:
            raise PermissionDenied
        try:
            source_model = apps.get_model(app_label, model_name)
        except LookupError:
            raise PermissionDenied
        try:
            source_field = source_model._meta.get_field(field_name)
        except FieldDoesNotExist:
            raise PermissionDenied
        remote_field = getattr(source_field, "remote_field", None)
        if remote_field is None:
            raise PermissionDenied
        remote_model = remote_field.model
        model_admin = self.admin_site._registry.get(remote_model)
        if model_admin is None or not model_admin.get_search_fields(request):
            raise PermissionDenied
        source_admin = self.admin_site._registry.get(source_model)
        if source_admin is None or field_name not in source_admin.get_autocomplete_fields(request):
            # An inline's field: allowed when some registered admin's inline declares it.
            if not self._inline_declares(source_model, field_name, request):
                raise PermissionDenied
        to_field_name = getattr(remote_field, "field_name", None) or remote_model._meta.pk.attname
        return term, model_admin, source_field, to_field_name

    def _inline_declares(self, source_model, field_name, request):
        for model_admin in self.admin_site._registry.values():
            for inline in getattr(model_admin, "inlines", ()):
                if inline.model is source_model and field_name in (inline.autocomplete_fields or ()):
                    return True
        return False

    def has_perm(self, request, obj=None):
        return self.model_admin.has_view_permission(request, obj=obj)
