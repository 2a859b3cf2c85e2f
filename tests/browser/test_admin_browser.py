"""The admin in a real browser, on the dev server and in the WAR on Tomcat: what a site's staff does.

One story per site, in order, as a person would click through it: log in, add an
author with a post written inline, add more posts ("save and add another", "save and
continue editing"), search, filter, sort by a column, edit, run the blog's custom
action, delete through the confirmation page, and read the history. The pages are
found by Django's admin markup (``#result_list``, ``ul.messagelist``...).
Screenshots of the change list and the change form go to build/browser-screenshots/.
"""
from __future__ import absolute_import, division, unicode_literals

import re
import uuid

from deploy_manage import ADMIN_PASSWORD, ADMIN_USERNAME

CHANGE_PATH = re.compile(r"/admin/blog/post/(\d+)/change/")


def result_titles(page):
    """The post titles of the change list, top to bottom."""
    page.find("#result_list")
    return [cell.text for cell in page.find_all("#result_list tbody tr .field-title")]


def messages(page):
    return [item.text for item in page.find_all("ul.messagelist li")]


def result_link(page, title):
    for link in page.find_all("#result_list tbody tr .field-title a"):
        if link.text == title:
            return link
    raise AssertionError("no row %r in the change list: %s" % (title, page.excerpt()))


def row_of(page, title):
    for row in page.find_all("#result_list tbody tr"):
        if row.find_elements("css selector", ".field-title") and \
                row.find_element("css selector", ".field-title").text == title:
            return row
    raise AssertionError("no row %r in the change list: %s" % (title, page.excerpt()))


def log_in(page):
    page.open("/admin/")
    # An anonymous visitor gets the login page, which returns to the index afterwards.
    assert page.path.startswith("/admin/login/?next="), page.excerpt()
    page.fill("#login-form #id_username", ADMIN_USERNAME)
    page.fill("#login-form #id_password", ADMIN_PASSWORD)
    page.submit("#login-form [type=submit]")
    assert page.path == "/admin/", page.excerpt()


def post_pk(page):
    match = CHANGE_PATH.search(page.path)
    assert match, page.excerpt()
    return match.group(1)


def test_staff_manage_the_blog_through_the_admin(page):
    mark = uuid.uuid4().hex[:8]
    author, other_author = "Ada %s" % mark, "Grace %s" % mark
    alpha, beta, gamma, delta = ("Alpha %s" % mark, "Beta %s" % mark, "Gamma %s" % mark, "Delta %s" % mark)

    log_in(page)
    assert page.has("a[href='%s']" % page.full_path("/admin/blog/post/")), page.excerpt()

    # Add an author with a first post written in the inline form.
    page.open("/admin/blog/author/add/")
    assert page.has(".inline-group"), page.excerpt()
    page.fill("#id_name", author)
    page.fill("#id_email", "ada-%s@example.com" % mark)
    page.fill("#id_posts-0-title", alpha)
    page.fill("#id_posts-0-body", "Written <em>inline</em>.")
    page.screenshot("admin-change-form")
    page.submit("input[name=_save]")
    assert page.path == "/admin/blog/author/", page.excerpt()
    assert any("was added successfully" in message for message in messages(page)), page.excerpt()

    # A second author with a post: the author filter has a choice to make.
    page.open("/admin/blog/author/add/")
    page.fill("#id_name", other_author)
    page.fill("#id_posts-0-title", delta)
    page.fill("#id_posts-0-body", "By someone else.")
    page.submit("input[name=_save]")
    assert any("was added successfully" in message for message in messages(page)), page.excerpt()

    # Two more posts: "save and add another", then "save and continue editing".
    page.open("/admin/blog/post/add/")
    page.select("#id_author", visible_text=author)
    page.fill("#id_title", beta)
    page.fill("#id_body", "The second one.")
    page.submit("input[name=_addanother]")
    assert page.path == "/admin/blog/post/add/", page.excerpt()
    page.select("#id_author", visible_text=author)
    page.fill("#id_title", gamma)
    page.fill("#id_body", "The third one.")
    page.submit("input[name=_continue]")
    gamma_pk = post_pk(page)
    assert page.find("#id_title").get_attribute("value") == gamma
    assert any("edit it again below" in message for message in messages(page)), page.excerpt()

    # Search: the four posts carry the mark in their titles; the author's name is searched too.
    page.open("/admin/blog/post/")
    page.fill("#searchbar", mark)
    page.submit("#changelist-search [type=submit]")
    assert sorted(result_titles(page)) == [alpha, beta, delta, gamma], page.excerpt()
    page.fill("#searchbar", other_author)
    page.submit("#changelist-search [type=submit]")
    assert result_titles(page) == [delta], page.excerpt()

    # Filter by author in the sidebar, then sort by the title column (twice: descending).
    page.open("/admin/blog/post/")
    filter_links = [link for link in page.find_all("#changelist-filter a") if link.text == author]
    assert filter_links, page.excerpt()
    page.click_and_load(filter_links[0])
    assert "author" in page.path, page.excerpt()
    assert sorted(result_titles(page)) == [alpha, beta, gamma]
    page.submit("#result_list thead th.column-title .text a")
    assert "o=" in page.path and "author" in page.path, page.excerpt()
    assert result_titles(page) == [alpha, beta, gamma]
    page.submit("#result_list thead th.column-title .text a")
    assert result_titles(page) == [gamma, beta, alpha], page.excerpt()
    assert "3" in page.text(".paginator")

    # Edit one post from the list.
    page.click_and_load(result_link(page, beta))
    beta_pk = post_pk(page)
    edited = beta + " (edited)"
    page.fill("#id_title", edited)
    page.submit("input[name=_save]")
    assert any("was changed successfully" in message for message in messages(page)), page.excerpt()
    assert edited in result_titles(page)

    # The blog's own action on a selected row.
    row_of(page, alpha).find_element("css selector", "input[name=_selected_action]").click()
    page.select("select[name=action]", value="mark_featured")
    page.submit("button[name=index]")
    assert any("tagged" in message for message in messages(page)), page.excerpt()
    assert "featured" in row_of(page, alpha).text, page.excerpt()
    page.screenshot("admin-changelist")

    # Delete through the confirmation page.
    page.open("/admin/blog/post/%s/change/" % gamma_pk)
    page.submit("a.deletelink")
    assert page.path == "/admin/blog/post/%s/delete/" % gamma_pk, page.excerpt()
    assert gamma in page.text("#content")
    page.submit("#content form input[type=submit]:not([hidden])")
    assert any("was deleted successfully" in message for message in messages(page)), page.excerpt()
    page.open("/admin/blog/post/?q=%s" % mark)
    assert sorted(result_titles(page)) == [alpha, edited, delta]

    # The history of the edited post, and the recent actions on the index.
    page.open("/admin/blog/post/%s/history/" % beta_pk)
    history = page.text("#content")
    assert ADMIN_USERNAME in history and "Added" in history and "Changed" in history, history
    page.open("/admin/")
    recent = page.text("#recent-actions-module")
    assert edited in recent and gamma in recent, recent
