"""The admin.py a Django project would write, with the import prefix changed."""
from __future__ import unicode_literals

import datetime

from pyframework.contrib import admin
from pyframework.utils import timezone

from adminapp.models import Article, Author, Comment, Pin, Tag


class RatingFilter(admin.SimpleListFilter):
    title = "rating"
    parameter_name = "rated"

    def lookups(self, request, model_admin):
        return [("high", "High (5+)"), ("low", "Low")]

    def queryset(self, request, queryset):
        if self.value() == "high":
            return queryset.filter(rating__gte=5)
        if self.value() == "low":
            return queryset.filter(rating__lt=5)
        return queryset


class CommentInline(admin.TabularInline):
    model = Comment
    extra = 1
    max_num = 5


class PinInline(admin.StackedInline):
    model = Pin
    extra = 0


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "email"]
    search_fields = ["name"]
    inlines = [PinInline]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "status", "published", "pub_date", "is_recent"]
    list_filter = ["status", "published", "author", "pub_date", RatingFilter]
    search_fields = ["title", "^author__name", "=slug"]
    date_hierarchy = "pub_date"
    list_select_related = ["author"]
    list_per_page = 5
    inlines = [CommentInline]
    actions = ["publish"]
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ["author"]
    filter_horizontal = ["tags"]
    readonly_fields = ["rating"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "author", "status", "published", "pub_date"]}),
        ("Details", {"fields": ["body", "tags", "rating"], "classes": ["collapse"]}),
    ]

    @admin.display(boolean=True, ordering="pub_date", description="Recent?")
    def is_recent(self, obj):
        return obj.pub_date >= timezone.now() - datetime.timedelta(days=7)

    @admin.action(description="Mark selected articles as published", permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(published=True)
        self.message_user(request, "%d articles published." % count)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name"]
    list_editable = ["name"]
    list_display_links = None
    search_fields = ["name"]


other_site = admin.AdminSite(name="otheradmin")
other_site.site_header = "Other administration"
other_site.register(Tag)
