"""The blog in the admin: authors with their posts inline, posts with filters, search and an action."""
from __future__ import unicode_literals

from pyframework.contrib import admin
from pyframework.db.models import Count

from blog.models import Author, Post, Tag

FEATURED_TAG = "featured"


class PostInline(admin.TabularInline):
    """An author's posts, editable on the author's page (one empty row to write a new one)."""
    model = Post
    fields = ["title", "body"]
    extra = 1
    show_change_link = True


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "post_count"]
    search_fields = ["name", "email"]
    inlines = [PostInline]

    def get_queryset(self, request):
        # One COUNT per page in the SQL, not one query per row.
        return super(AuthorAdmin, self).get_queryset(request).annotate(number_of_posts=Count("posts"))

    @admin.display(description="Posts", ordering="number_of_posts")
    def post_count(self, author):
        return author.number_of_posts


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ["title", "author", "published", "tag_names"]
    list_display_links = ["title"]
    list_filter = ["author", "tags", "published"]
    search_fields = ["title", "body", "author__name"]
    date_hierarchy = "published"
    list_select_related = ["author"]
    filter_horizontal = ["tags"]
    actions = ["mark_featured"]

    def get_queryset(self, request):
        return super(PostAdmin, self).get_queryset(request).prefetch_related("tags")

    @admin.display(description="Tags")
    def tag_names(self, post):
        return ", ".join(tag.name for tag in post.tags.all())

    @admin.action(description="Tag the selected posts as featured")
    def mark_featured(self, request, queryset):
        featured = Tag.objects.get_or_create(name=FEATURED_TAG)[0]
        posts = list(queryset)
        featured.posts.add(*posts)
        self.message_user(request, "%d post(s) tagged \u201c%s\u201d." % (len(posts), FEATURED_TAG))
