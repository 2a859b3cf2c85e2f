"""Signing up, and the signed-in user's own posts."""
from __future__ import unicode_literals

from pyframework.contrib import messages
from pyframework.contrib.auth import login
from pyframework.contrib.auth.mixins import LoginRequiredMixin
from pyframework.urls import reverse_lazy
from pyframework.utils.translation import gettext as _
from pyframework.views.generic import CreateView, ListView

from accounts.forms import SignUpForm
from blog.models import Post


class SignUpView(CreateView):
    form_class = SignUpForm
    template_name = "accounts/signup.html"
    success_url = reverse_lazy("accounts:my-posts")

    def form_valid(self, form):
        response = super(SignUpView, self).form_valid(form)
        # Signed in straight away: login() also gives the visitor a fresh session key.
        login(self.request, self.object)
        messages.success(self.request, _("Welcome, %(username)s! Your account is ready.")
                         % {"username": self.object.get_username()})
        return response


class MyPostsView(LoginRequiredMixin, ListView):
    template_name = "accounts/my_posts.html"
    context_object_name = "posts"
    paginate_by = 20

    def get_queryset(self):
        return Post.objects.filter(author__name=self.request.user.get_username()).prefetch_related("tags")
