"""FormView through the test client: blank form, errors re-rendered, redirect once valid."""
from __future__ import unicode_literals

import os

import pytest

from pyframework.core.exceptions import ImproperlyConfigured
from pyframework.core.files.uploadedfile import SimpleUploadedFile
from pyframework.test import Client, override_settings

from form_view_urls import ContactView

TEMPLATES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "form_templates")


@pytest.fixture
def client():
    with override_settings(ROOT_URLCONF="form_view_urls", TEMPLATES=[{"DIRS": [TEMPLATES_DIR]}]):
        del ContactView.received[:]
        yield Client()


def test_get_renders_blank_form_with_initial(client):
    response = client.get("/contact/")
    assert response.status_code == 200
    html = response.content.decode("utf-8")
    assert '<input type="text" name="subject" id="id_subject" maxlength="50" required>' in html
    assert '<input type="number" name="copies" value="1" id="id_copies" min="1" required>' in html
    assert "errorlist" not in html
    assert "enctype" not in html
    assert response.context_data["form"].is_bound is False


def test_invalid_post_rerenders_with_errors_and_escaped_input(client):
    response = client.post("/contact/", {"subject": '"><script>x</script>', "sender": "nope", "copies": "0"})
    assert response.status_code == 200
    html = response.content.decode("utf-8")
    assert "<script>" not in html
    assert 'value="&#34;&gt;&lt;script&gt;x&lt;/script&gt;"' in html
    assert '<ul class="errorlist" id="id_sender_error"><li>Enter a valid email address.</li></ul>' in html
    assert "Ensure this value is greater than or equal to 1." in html
    assert 'aria-invalid="true"' in html
    assert ContactView.received == []


def test_valid_post_redirects_to_success_url(client):
    response = client.post("/contact/", {"subject": "Hi", "sender": "a@example.com", "copies": "2"})
    assert response.status_code == 302
    assert response["Location"] == "/thanks/"
    assert ContactView.received == [{"subject": "Hi", "sender": "a@example.com", "copies": 2}]


def test_urlencoded_post_is_accepted(client):
    response = client.post("/contact/", "subject=Hi&sender=a%40example.com&copies=1",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302


def test_prefix_initial_and_uploaded_files(client):
    page = client.get("/upload/").content.decode("utf-8")
    assert 'enctype="multipart/form-data"' in page
    assert '<input type="text" name="up-title" value="Untitled" id="id_up-title" required>' in page
    response = client.post("/upload/", {"up-title": "Report", "up-attachment": SimpleUploadedFile("r.txt", b"12345")})
    assert response.status_code == 200
    assert response.content == b"Report:r.txt:5"


def test_upload_missing_file_shows_error(client):
    response = client.post("/upload/", {"up-title": "Report"})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode("utf-8")


def test_missing_success_url_is_a_configuration_error(client):
    with pytest.raises(ImproperlyConfigured) as info:
        client.post("/broken/", {"subject": "Hi", "sender": "a@example.com", "copies": "1"})
    assert "success_url" in str(info.value)


def test_other_methods_are_not_allowed(client):
    response = client.delete("/contact/")
    assert response.status_code == 405


def test_form_posted_with_its_csrf_token_passes_the_middleware():
    with override_settings(ROOT_URLCONF="form_view_urls", TEMPLATES=[{"DIRS": [TEMPLATES_DIR]}],
                           MIDDLEWARE=["pyframework.middleware.csrf.CsrfViewMiddleware"]):
        browser = Client(enforce_csrf_checks=True)
        page = browser.get("/contact/").content.decode("utf-8")
        marker = 'name="csrfmiddlewaretoken" value="'
        assert marker in page
        token = page.split(marker, 1)[1].split('"', 1)[0]
        data = {"subject": "Hi", "sender": "a@example.com", "copies": "1"}
        assert browser.post("/contact/", data).status_code == 403
        response = browser.post("/contact/", dict(data, csrfmiddlewaretoken=token))
        assert response.status_code == 302
        assert response["Location"] == "/thanks/"
