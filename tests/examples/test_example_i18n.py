# -*- coding: utf-8 -*-
"""The example project in English and German: the language switch, translated labels, local formats."""
from __future__ import unicode_literals

import datetime
import re

from pyframework.test import Client
from pyframework.utils import timezone, translation
from mysite_site_support import create_user, log_in


def text(response):
    return response.content.decode("utf-8")


def test_english_by_default_german_when_the_browser_asks(blog):
    english = text(Client().get("/blog/"))
    assert '<html lang="en">' in english and "No posts yet." in english
    german = Client().get("/blog/", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    assert german["Content-Language"] == "de"
    page = text(german)
    assert '<html lang="de">' in page
    assert "Noch keine Beiträge." in page and "Beitrag schreiben" in page and "Ausgeliefert von pyframework." in page


def test_the_language_switch_sets_a_cookie_and_returns_to_the_page(blog):
    client = Client()
    page = text(client.get("/blog/"))
    assert re.search(r'<form class="language" method="post" action="/i18n/setlang/">', page)
    assert '<option value="de">Deutsch</option>' in page
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/blog/",
                                             "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert (response.status_code, response["Location"]) == (302, "/blog/")
    page = text(client.get("/blog/"))
    assert "Noch keine Beiträge." in page and '<option value="de" selected>Deutsch</option>' in page
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/blog/",
                                             "csrfmiddlewaretoken": client.cookies["csrftoken"].value})
    assert "No posts yet." in text(client.get("/blog/"))


def test_german_labels_dates_and_numbers(blog):
    author = blog.Author.objects.create(name="Ada")
    post = blog.Post.objects.create(title="Hallo", body="Welt", author=author)
    blog.Post.objects.filter(pk=post.pk).update(published=datetime.datetime(2026, 3, 5, 14, 7, tzinfo=timezone.utc))
    headers = {"Accept-Language": "de"}
    page = text(Client().get("/blog/%d/" % post.pk, headers=headers))
    assert 'von <span class="author">Ada</span>, <time datetime="2026-03-05T14:07:00+00:00">5. März 2026 14:07</time>' in page
    assert "Alle Beiträge" in page
    english = text(Client().get("/blog/%d/" % post.pk))
    assert 'by <span class="author">Ada</span>, <time datetime="2026-03-05T14:07:00+00:00">March 5, 2026, 2:07 p.m.</time>' in english
    with translation.override("de"):
        assert blog.Post._meta.verbose_name_plural == "Beiträge"
        assert "%s" % blog.Post._meta.get_field("title").verbose_name == "Titel"


def test_the_post_form_in_german(blog):
    client = Client()
    create_user("Ada", email="ada@example.com")
    assert log_in(client, "Ada").status_code == 302
    page = text(client.get("/blog/new/", headers={"Accept-Language": "de"}))
    assert ">Titel" in page and ">Text" in page and "Schlagwörter, durch Kommas getrennt" in page
    response = client.post("/blog/new/", {"title": "", "body": "x", "tags": "",
                                          "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
                           headers={"Accept-Language": "de"})
    assert "Dieses Feld ist zwingend erforderlich." in text(response)
