"""Class-based generic views."""
from __future__ import absolute_import, unicode_literals

from pyframework.views.generic.base import (  # noqa: F401
    ContextMixin, RedirectView, TemplateResponseMixin, TemplateView, View,
)
from pyframework.views.generic.detail import DetailView  # noqa: F401
from pyframework.views.generic.edit import CreateView, DeleteView, FormView, UpdateView  # noqa: F401
from pyframework.views.generic.list import ListView  # noqa: F401
