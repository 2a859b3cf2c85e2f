"""The example site in a real browser: pages, the CSRF-protected login form, the session cookie."""
from __future__ import absolute_import, division, unicode_literals

from deploy_manage import ADMIN_PASSWORD, ADMIN_USERNAME


def test_logging_in_through_the_login_form_opens_my_posts(page):
    page.open("/accounts/login/?next=" + page.full_path("/accounts/my-posts/"))
    page.fill("#id_username", ADMIN_USERNAME)
    page.fill("#id_password", ADMIN_PASSWORD)
    page.submit("form.stacked-form button[type=submit]")

    assert page.path == "/accounts/my-posts/"
    assert page.text("h1") == "Posts by %s" % ADMIN_USERNAME
    # The stylesheet came from the static files (the dev server's handler, the container's default servlet).
    background = page.driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(246, 247, 247)", page.excerpt()
