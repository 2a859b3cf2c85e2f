"""Models, views and urlconf for the generic view tests."""
from __future__ import unicode_literals

from pyframework.db import models
from pyframework.urls import path
from pyframework.utils.compat import python_2_unicode_compatible
from pyframework.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView


@python_2_unicode_compatible
class Book(models.Model):
    title = models.CharField(max_length=40)
    slug = models.SlugField(unique=True)
    pages = models.PositiveIntegerField(default=100)

    class Meta:
        app_label = "generic_views_tests"
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return "/books/%s/" % self.pk


class BookList(ListView):
    model = Book
    paginate_by = 2


class ShortBookList(ListView):
    queryset = Book.objects.filter(pages__lt=100)
    context_object_name = "short_books"
    allow_empty = False
    template_name = "generic_views_tests/book_list.html"


class BookDetail(DetailView):
    model = Book


class BookBySlug(DetailView):
    queryset = Book.objects.all()
    slug_url_kwarg = "book_slug"


class BookCreate(CreateView):
    model = Book
    fields = ["title", "slug", "pages"]


class BookCreateNoFields(CreateView):
    model = Book


class BookUpdate(UpdateView):
    model = Book
    fields = ["title", "pages"]
    success_url = "/books/{id}/updated/"


class BookDelete(DeleteView):
    model = Book
    success_url = "/books/"


urlpatterns = [
    path("books/", BookList.as_view()),
    path("books/page/<int:page>/", BookList.as_view()),
    path("short/", ShortBookList.as_view()),
    path("books/new/", BookCreate.as_view()),
    path("books/new-bad/", BookCreateNoFields.as_view()),
    path("books/<int:pk>/", BookDetail.as_view()),
    path("books/<str:pk>/raw/", BookDetail.as_view()),
    path("books/<int:pk>/edit/", BookUpdate.as_view()),
    path("books/<int:pk>/delete/", BookDelete.as_view()),
    path("by-slug/<slug:book_slug>/", BookBySlug.as_view()),
]
