"""Root urlconf of the URL tests."""
from __future__ import unicode_literals

from pyframework.urls import include, path, re_path, register_converter

from urls_views import FourDigitYear, article, home, post_detail

register_converter(FourDigitYear, "yyyy")

handler404 = "urls_views.custom_not_found"

comment_patterns = ([
    path("<slug:slug>/", post_detail, name="comment"),
], "comments")

urlpatterns = [
    path("", home, name="home"),
    path("articles/<yyyy:year>/", article, name="article-year"),
    path("articles/<int:year>/<slug:slug>/", article, name="article-detail"),
    path("files/<path:file_path>", article, name="file"),
    path("items/<uuid:item_id>/", article, name="item"),
    path("caf\u00e9/<str:name>/", article, name="cafe"),
    re_path(r"^old/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$", article, name="old-archive"),
    re_path(r"^positional/([0-9]+)/([a-z]+)/$", article, name="positional"),
    path("extra/", article, {"source": "extra"}, name="extra"),
    path("blog/", include("urls_blog")),
    path("team-blog/", include("urls_blog", namespace="team-blog")),
    path("users/<int:user_id>/", include([
        path("profile/", post_detail, name="user-profile"),
        path("comments/", include(comment_patterns)),
    ])),
    path("lang/<slug:lang>/", include(([
        path("about/", home, name="about"),
    ], "site"), namespace="site")),
]
