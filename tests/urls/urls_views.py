"""Trivial views shared by the urlconfs of the URL tests."""
from __future__ import unicode_literals


def home(request):
    return "home"


def article(request, *args, **kwargs):
    return "article"


def post_detail(request, **kwargs):
    return "post"


def post_list(request, **kwargs):
    return "posts"


def custom_not_found(request, exception=None):
    return "custom 404"


class FourDigitYear(object):
    regex = "[0-9]{4}"

    def to_python(self, value):
        year = int(value)
        if year < 1000:
            raise ValueError("too early")
        return year

    def to_url(self, value):
        if int(value) < 1000:
            raise ValueError("too early")
        return "%04d" % int(value)
