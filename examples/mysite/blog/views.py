"""The blog pages: the paginated list, one post, and the forms that write and edit posts.

Writing needs a signed-in user, who becomes the post's author (an Author named
after the username); only that user may edit the post afterwards.
"""
from __future__ import unicode_literals

from pyframework.contrib import messages
from pyframework.contrib.auth.mixins import LoginRequiredMixin
from pyframework.core.exceptions import PermissionDenied
from pyframework.utils.translation import gettext as _
from pyframework.utils.translation import gettext_lazy
from pyframework.views.generic import CreateView, DetailView, ListView, UpdateView

from blog.forms import PostForm
from blog.models import Author, Post

POSTS_PER_PAGE = 20


def author_of(user):
    """The Author that writes as ``user``, created on their first post."""
    return Author.objects.get_or_create(name=user.get_username(), defaults={"email": user.email})[0]


class PostListView(ListView):
    template_name = "blog/post_list.html"
    context_object_name = "posts"
    # A page stays cheap however big the table grows.
    paginate_by = POSTS_PER_PAGE

    def get_queryset(self):
        posts = Post.objects.select_related("author").prefetch_related("tags")
        tag = self.tag()
        return posts.filter(tags__name=tag) if tag else posts

    def tag(self):
        return self.request.GET.get("tag", "").strip()

    def get_context_data(self, **kwargs):
        context = super(PostListView, self).get_context_data(**kwargs)
        context["tag"] = self.tag()
        return context


class PostDetailView(DetailView):
    queryset = Post.objects.select_related("author")
    template_name = "blog/post_detail.html"
    context_object_name = "post"

    def get_context_data(self, **kwargs):
        context = super(PostDetailView, self).get_context_data(**kwargs)
        context["tags"] = list(self.object.tags.all())
        user = self.request.user
        context["can_edit"] = user.is_authenticated and self.object.author.name == user.get_username()
        return context


class PostFormMixin(LoginRequiredMixin):
    """What writing and editing share: the form, its template, and a 400 for invalid input."""
    form_class = PostForm
    template_name = "blog/post_form.html"
    success_message = gettext_lazy("Saved.")

    def form_valid(self, form):
        response = super(PostFormMixin, self).form_valid(form)
        messages.success(self.request, self.success_message % {"title": self.object.title})
        return response

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PostCreateView(PostFormMixin, CreateView):
    success_message = gettext_lazy("Published \u201c%(title)s\u201d.")

    def form_valid(self, form):
        form.instance.author = author_of(self.request.user)
        return super(PostCreateView, self).form_valid(form)


class PostUpdateView(PostFormMixin, UpdateView):
    queryset = Post.objects.select_related("author")
    success_message = gettext_lazy("Updated \u201c%(title)s\u201d.")

    def get_object(self, queryset=None):
        post = super(PostUpdateView, self).get_object(queryset)
        if post.author.name != self.request.user.get_username():
            raise PermissionDenied(_("Only the author may edit this post."))
        return post
