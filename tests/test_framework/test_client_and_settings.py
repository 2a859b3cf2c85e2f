"""Client.login/force_login/logout, response.templates/context, mail.outbox, the template and
form assertions, and class-wide override_settings/modify_settings, through TestCase."""
from __future__ import unicode_literals

import os
import unittest
from contextlib import contextmanager

import pytest

from pyframework.conf import settings
from pyframework.contrib.auth.models import User
from pyframework.core import mail
from pyframework.core.management import call_command
from pyframework.test import SimpleTestCase, TestCase, modify_settings, override_settings
from pyframework.test.utils import setup_test_environment, teardown_test_environment

HERE = os.path.dirname(os.path.abspath(__file__))
APPS = ["pyframework.contrib.contenttypes", "pyframework.contrib.auth", "pyframework.contrib.sessions"]
SITE = dict(
    ROOT_URLCONF="framework_urls",
    MIDDLEWARE=["pyframework.contrib.sessions.middleware.SessionMiddleware",
                "pyframework.contrib.auth.middleware.AuthenticationMiddleware"],
    TEMPLATES=[{"BACKEND": "pyframework.template.backends.jinja2.Jinja2",
                "DIRS": [os.path.join(HERE, "framework_templates")]}],
    SESSION_ENGINE="pyframework.contrib.sessions.backends.db",
    PASSWORD_HASHERS=["framework_urls.OneRoundHasher"],
    LOGIN_URL="/login/",
)


def run(case_class):
    result = unittest.TestResult()
    unittest.TestLoader().loadTestsFromTestCase(case_class).run(result)
    problems = ["%s: %s" % (test, trace) for test, trace in result.errors + result.failures]
    assert not problems, "\n".join(problems)
    return result


@contextmanager
def migrated(app_names):
    with override_settings(INSTALLED_APPS=app_names):
        call_command("migrate", verbosity=0)
        try:
            yield
        finally:
            for label in ("sessions", "auth", "contenttypes"):
                call_command("migrate", label, "zero", verbosity=0)


@override_settings(**SITE)
class LoginTests(TestCase):
    __test__ = False

    @classmethod
    def setUpTestData(cls):
        cls.user = User.objects.create_user("ada", "ada@example.com", "analytical-engine")

    def test_login_with_credentials(self):
        self.assertRedirects(self.client.get("/whoami/"), "/login/?next=/whoami/", fetch_redirect_response=False)
        self.assertFalse(self.client.login(username="ada", password="wrong"))
        self.assertTrue(self.client.login(username="ada", password="analytical-engine"))
        self.assertContains(self.client.get("/whoami/"), "ada")

    def test_force_login_and_logout(self):
        self.client.force_login(self.user)
        self.assertEqual(self.client.get("/whoami/").content, b"ada")
        self.assertEqual(self.client.session["_auth_user_id"], str(self.user.pk))
        self.client.logout()
        self.assertEqual(self.client.get("/whoami/").status_code, 302)

    def test_session_property_persists(self):
        session = self.client.session
        session["colour"] = "blue"
        session.save()
        self.assertEqual(self.client.session["colour"], "blue")

    def test_templates_and_context_are_recorded(self):
        response = self.client.get("/greeting/")
        # The template the view renders, then the one it includes, as Django's client lists them.
        self.assertEqual([t.name for t in response.templates], ["greeting.html", "name.html"])
        self.assertEqual(response.context["greeting"], "hello")
        self.assertTemplateUsed(response, "greeting.html")
        self.assertTemplateUsed(response, "greeting.html", count=1)
        self.assertTemplateUsed(response, "name.html")
        self.assertTemplateNotUsed(response, "other.html")
        with self.assertRaises(AssertionError):
            self.assertTemplateUsed(response, "other.html")
        with self.assertTemplateUsed("greeting.html"):
            self.client.get("/greeting/")
        self.assertContains(response, "<b>Ada</b>", html=True)
        self.assertInHTML("<b>Ada</b>", response.content.decode("utf-8"), count=1)

    def test_form_errors(self):
        response = self.client.post("/contact/", {"email": "not-an-address", "message": "spam"})
        form = response.context["form"]
        self.assertFormError(form, "email", "Enter a valid email address.")
        self.assertFormError(form, "message", [])
        with self.assertRaises(AssertionError):
            self.assertFormError(form, "message", "Wrong.")
        response = self.client.post("/contact/", {"email": "a@example.com", "message": "spam"})
        self.assertFormError(response.context["form"], None, "No spam.")

    def test_mail_outbox(self):
        self.assertEqual(mail.outbox, [])
        self.client.get("/mail/")
        self.assertEqual([m.subject for m in mail.outbox], ["Subject here"])
        # The request did not close the connection holding the test's transaction.
        self.assertEqual(User.objects.count(), 1)


def test_testcase_with_login_templates_and_mail(db):
    setup_test_environment()
    try:
        with migrated(APPS):
            run(LoginTests)
            assert User.objects.count() == 0
    finally:
        teardown_test_environment()


@override_settings(APPEND_SLASH=False, LANGUAGE_CODE="fr")
class ClassSettings(SimpleTestCase):
    __test__ = False
    seen = []

    @classmethod
    def setUpClass(cls):
        super(ClassSettings, cls).setUpClass()
        cls.seen.append(("setUpClass", settings.APPEND_SLASH))

    def test_sees_class_settings(self):
        self.assertFalse(settings.APPEND_SLASH)
        self.assertEqual(settings.LANGUAGE_CODE, "fr")

    @override_settings(LANGUAGE_CODE="de")
    def test_method_override_wins(self):
        self.assertEqual(settings.LANGUAGE_CODE, "de")
        self.assertFalse(settings.APPEND_SLASH)


@modify_settings(ALLOWED_HOSTS={"append": "extra.example", "remove": "localhost", "prepend": "first.example"})
class ModifiedSettings(ClassSettings):
    __test__ = False

    def test_list_was_modified(self):
        self.assertEqual(settings.ALLOWED_HOSTS[0], "first.example")
        self.assertIn("extra.example", settings.ALLOWED_HOSTS)
        self.assertNotIn("localhost", settings.ALLOWED_HOSTS)
        self.assertFalse(settings.APPEND_SLASH)  # inherited from the parent's override


def test_class_wide_settings_are_restored():
    ClassSettings.seen = []
    run(ClassSettings)
    assert ClassSettings.seen == [("setUpClass", False)]
    run(ModifiedSettings)
    assert settings.APPEND_SLASH is True and settings.LANGUAGE_CODE != "fr"
    assert "localhost" in settings.ALLOWED_HOSTS and "extra.example" not in settings.ALLOWED_HOSTS


class NoDatabase(SimpleTestCase):
    __test__ = False

    def test_queries_are_refused(self):
        from pyframework.db import connection

        with self.assertRaisesMessage(AssertionError, "Database queries to 'default' are not allowed in "
                                                      "SimpleTestCase"):
            connection.cursor()


def test_simple_testcase_refuses_database_queries(db):
    run(NoDatabase)
    from pyframework.db import connection

    connection.cursor().close()  # allowed again after the class


def test_override_settings_refuses_plain_unittest_classes():
    with pytest.raises(ValueError):
        override_settings(DEBUG=True)(type(str("Plain"), (unittest.TestCase,), {}))


def test_assertion_helpers_without_a_database():
    case = SimpleTestCase("__init__")
    case.assertHTMLEqual('<p class="a b" id=x>Hi &amp; bye</p>', "<p id='x' class='b a'>Hi &#38; bye</p>")
    case.assertHTMLNotEqual("<p>a</p>", "<p>b</p>")
    case.assertInHTML("<li>x</li>", "<ul><li>x</li><li>y</li><li>x</li></ul>", count=2)
    case.assertNotInHTML("<li>z</li>", "<ul><li>x</li></ul>")
    case.assertJSONEqual('{"a": [1, 2]}', {"a": [1, 2]})
    case.assertJSONNotEqual('{"a": 1}', '{"a": 2}')
    case.assertURLEqual("/p/?b=2&a=1", "/p/?a=1&b=2")
    with case.assertRaisesMessage(KeyError, "missing"):
        raise KeyError("the key is missing")
    with pytest.raises(AssertionError):
        case.assertHTMLEqual("<p>a</p>", "<p>a</p><p>b</p>")
    with pytest.raises(AssertionError):
        with case.assertRaisesMessage(ValueError, "expected text"):
            raise ValueError("other text")
