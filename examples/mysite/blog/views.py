"""The blog pages: the list of posts, one post, and the form that writes a new one."""
from __future__ import unicode_literals

from pyframework.core.exceptions import ValidationError
from pyframework.db import transaction
from pyframework.shortcuts import get_object_or_404, redirect, render
from pyframework.views.decorators.http import require_GET, require_http_methods

from blog.models import Author, Post, Tag

# The list shows the newest posts only: a page must stay cheap however big the table grows.
LIST_LIMIT = 50
MAX_TAGS = 10
FORM_FIELDS = ("title", "body", "author", "email", "tags")


@require_GET
def post_list(request):
    posts = Post.objects.select_related("author").prefetch_related("tags")
    tag = request.GET.get("tag", "").strip()
    if tag:
        posts = posts.filter(tags__name=tag)
    return render(request, "blog/post_list.html", {"posts": posts[:LIST_LIMIT], "tag": tag})


@require_GET
def post_detail(request, pk):
    post = get_object_or_404(Post.objects.select_related("author"), pk=pk)
    return render(request, "blog/post_detail.html", {"post": post, "tags": list(post.tags.all())})


@require_http_methods(["GET", "POST"])
def post_create(request):
    if request.method == "GET":
        return render(request, "blog/post_form.html", {"values": {}, "errors": {}})
    values = dict((name, request.POST.get(name, "").strip()) for name in FORM_FIELDS)
    errors = validate_post(values)
    if errors:
        return render(request, "blog/post_form.html", {"values": values, "errors": errors}, status=400)
    post = save_post(values)
    return redirect(post)


def validate_post(values):
    """Field name -> list of messages for everything wrong in the submitted ``values``."""
    errors = {}
    author_name = values["author"]
    if not Author.objects.filter(name=author_name).exists():
        # A new author is created with the post: check it the same way.
        collect_errors(errors, Author(name=author_name, email=values["email"]),
                       {"name": "author", "email": "email"})
    # The author is checked above; its id only exists once it is saved.
    collect_errors(errors, Post(title=values["title"], body=values["body"]), {}, exclude=["author"])
    tag_names = parse_tags(values["tags"])
    if len(tag_names) > MAX_TAGS:
        errors.setdefault("tags", []).append("Use at most %d tags." % MAX_TAGS)
    for name in tag_names:
        collect_errors(errors, Tag(name=name), {"name": "tags"})
    return errors


def collect_errors(errors, instance, form_names, exclude=None):
    """Add the field errors of ``instance.clean_fields()`` to ``errors`` under form field names.

    clean_fields(), not full_clean(): uniqueness is settled by get_or_create() when saving.
    """
    try:
        instance.clean_fields(exclude=exclude)
    except ValidationError as error:
        for field_name, messages in messages_by_field(error).items():
            errors.setdefault(form_names.get(field_name, field_name), []).extend(messages)


def messages_by_field(error):
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {"__all__": error.messages}


def parse_tags(text):
    """``"Python, web"`` -> ``["python", "web"]``: lower-cased, without blanks or repeats."""
    names = []
    for name in text.lower().split(","):
        name = name.strip()
        if name and name not in names:
            names.append(name)
    return names


def save_post(values):
    """Write the post, its author and its tags all at once, or nothing at all."""
    with transaction.atomic():
        author = Author.objects.get_or_create(name=values["author"], defaults={"email": values["email"]})[0]
        post = Post.objects.create(title=values["title"], body=values["body"], author=author)
        post.tags.set([Tag.objects.get_or_create(name=name)[0] for name in parse_tags(values["tags"])])
    return post
