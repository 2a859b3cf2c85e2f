"""The response, template, form and HTML assertions of SimpleTestCase (Django's names and messages)."""
from __future__ import absolute_import, unicode_literals

from pyframework.conf import settings
from pyframework.core.signals import template_rendered
from pyframework.http.querydict import QueryDict
from pyframework.http.request import split_domain_port, validate_host
from pyframework.test.html import HTMLParseError, parse_html
from pyframework.test.utils import ContextList
from pyframework.utils.compat import parse_qsl, string_types, text_type, urlencode, urljoin, urlsplit, urlunsplit


def to_list(value):
    """``value`` as a list: a list stays, None is empty, anything else is one item."""
    if value is None:
        return []
    if not isinstance(value, list):
        return [value]
    return value


def assert_and_parse_html(test_case, html, user_msg, msg):
    try:
        return parse_html(html)
    except HTMLParseError as exc:
        test_case.fail(test_case._formatMessage(user_msg, "%s\n%s" % (msg, exc)))


def _content_text(response):
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
        response.streaming_content = [content]
        return content
    return response.content


class _AssertTemplateUsedContext(object):
    def __init__(self, test_case, template_name, msg_prefix="", count=None):
        self.test_case = test_case
        self.template_name = template_name
        self.msg_prefix = msg_prefix
        self.count = count
        self.rendered_templates = []
        self.context = ContextList()

    def on_template_render(self, sender, signal, template, context, **kwargs):
        self.rendered_templates.append(template)
        self.context.append(dict(context))

    def test(self):
        self.test_case._assert_template_used(self.template_name, [t.name for t in self.rendered_templates
                                                                   if t.name is not None],
                                             self.msg_prefix, self.count)

    def __enter__(self):
        template_rendered.connect(self.on_template_render, dispatch_uid="assert-template-used-%d" % id(self))
        return self

    def __exit__(self, exc_type, exc_value, tb):
        template_rendered.disconnect(dispatch_uid="assert-template-used-%d" % id(self))
        if exc_type is not None:
            return
        self.test()


class _AssertTemplateNotUsedContext(_AssertTemplateUsedContext):
    def test(self):
        self.test_case.assertFalse(
            self.template_name in [t.name for t in self.rendered_templates],
            "%sTemplate '%s' was used unexpectedly in rendering the response" % (self.msg_prefix,
                                                                                self.template_name))


class ResponseAssertionsMixin(object):
    """assertContains, assertRedirects, assertTemplateUsed, assertFormError, assertHTMLEqual..."""

    def assertRedirects(self, response, expected_url, status_code=302, target_status_code=200, msg_prefix="",
                        fetch_redirect_response=True):
        """``response`` redirected (with ``status_code``) to ``expected_url``, which answers
        ``target_status_code``. For a ``follow=True`` response the chain is checked."""
        if msg_prefix:
            msg_prefix += ": "
        if hasattr(response, "redirect_chain"):
            self.assertTrue(response.redirect_chain, msg_prefix + (
                "Response didn't redirect as expected: Response code was %d (expected %d)"
                % (response.status_code, status_code)))
            self.assertEqual(response.redirect_chain[0][1], status_code, msg_prefix + (
                "Initial response didn't redirect as expected: Response code was %d (expected %d)"
                % (response.redirect_chain[0][1], status_code)))
            url, status_code = response.redirect_chain[-1]
            self.assertEqual(response.status_code, target_status_code, msg_prefix + (
                "Response didn't redirect as expected: Final Response code was %d (expected %d)"
                % (response.status_code, target_status_code)))
        else:
            self.assertEqual(response.status_code, status_code, msg_prefix + (
                "Response didn't redirect as expected: Response code was %d (expected %d)"
                % (response.status_code, status_code)))
            url = response["Location"]
            scheme, netloc, path, query, fragment = urlsplit(url)
            if not path.startswith("/"):
                url = urljoin(response.request["PATH_INFO"], url)
                path = urljoin(response.request["PATH_INFO"], path)
            if fetch_redirect_response:
                domain, port = split_domain_port(netloc)
                if domain and not validate_host(domain, settings.ALLOWED_HOSTS):
                    raise ValueError(
                        "The test client is unable to fetch remote URLs (got %s). If the host is served by "
                        "pyframework, add '%s' to ALLOWED_HOSTS. Otherwise, use "
                        "assertRedirects(..., fetch_redirect_response=False)." % (url, domain))
                redirect_response = response.client.get(path, QueryDict(query), secure=(scheme == "https"))
                self.assertEqual(redirect_response.status_code, target_status_code, msg_prefix + (
                    "Couldn't retrieve redirection page '%s': response code was %d (expected %d)"
                    % (path, redirect_response.status_code, target_status_code)))
        self.assertURLEqual(url, expected_url,
                            msg_prefix + "Response redirected to '%s', expected '%s'" % (url, expected_url))

    def assertURLEqual(self, url1, url2, msg_prefix=""):
        """The URLs are equal once their query strings are sorted."""
        def normalize(url):
            url = text_type(url)
            scheme, netloc, path, query, fragment = urlsplit(url)
            query_parts = sorted(parse_qsl(query))
            return urlunsplit((scheme, netloc, path, urlencode(query_parts), fragment))

        if msg_prefix:
            msg_prefix += ": "
        self.assertEqual(normalize(url1), normalize(url2),
                         msg_prefix + "Expected '%s' to equal '%s'." % (url1, url2))

    def _assert_contains(self, response, text, status_code, msg_prefix, html):
        if callable(getattr(response, "render", None)) and not getattr(response, "is_rendered", True):
            response.render()
        if msg_prefix:
            msg_prefix += ": "
        self.assertEqual(response.status_code, status_code, msg_prefix + (
            "Couldn't retrieve content: Response code was %d (expected %d)" % (response.status_code, status_code)))
        content = _content_text(response)
        content_repr = repr(content)
        if not isinstance(text, bytes) or html:
            text = text_type(text)
            content = content.decode(getattr(response, "charset", None) or "utf-8")
            text_repr = "'%s'" % text
        else:
            text_repr = repr(text)
        if html:
            content = assert_and_parse_html(self, content, None, "Response's content is not valid HTML:")
            text = assert_and_parse_html(self, text, None, "Second argument is not valid HTML:")
        return text_repr, content.count(text), msg_prefix, content_repr

    def assertContains(self, response, text, count=None, status_code=200, msg_prefix="", html=False):
        """The response has ``status_code`` and ``text`` occurs in it (``count`` times, if given);
        ``html=True`` compares HTML elements instead of characters."""
        text_repr, real_count, msg_prefix, content_repr = self._assert_contains(
            response, text, status_code, msg_prefix, html)
        if count is not None:
            self.assertEqual(real_count, count, msg_prefix + "Found %d instances of %s (expected %d) in the "
                             "following response\n%s" % (real_count, text_repr, count, content_repr))
        else:
            self.assertTrue(real_count != 0, msg_prefix + "Couldn't find %s in the following response\n%s"
                            % (text_repr, content_repr))

    def assertNotContains(self, response, text, status_code=200, msg_prefix="", html=False):
        text_repr, real_count, msg_prefix, content_repr = self._assert_contains(
            response, text, status_code, msg_prefix, html)
        self.assertEqual(real_count, 0, msg_prefix + "%s unexpectedly found in the following response\n%s"
                         % (text_repr, content_repr))

    # -- forms -----------------------------------------------------------------------------

    def _assert_form_error(self, form, field, errors, msg_prefix, form_repr):
        if not form.is_bound:
            self.fail("%sThe %s is not bound, it will never have any errors." % (msg_prefix, form_repr))
        if field is not None and field not in form.fields:
            self.fail("%sThe %s does not contain the field %r." % (msg_prefix, form_repr, field))
        if field is None:
            field_errors = form.non_field_errors()
            failure_message = "The non-field errors of %s don't match." % form_repr
        else:
            field_errors = form.errors.get(field, [])
            failure_message = "The errors of field %r on %s don't match." % (field, form_repr)
        self.assertEqual(list(field_errors), errors, msg_prefix + failure_message)

    def assertFormError(self, form, field, errors, msg_prefix=""):
        """``form``'s errors on ``field`` (None: the non-field errors) are exactly ``errors``."""
        if msg_prefix:
            msg_prefix += ": "
        self._assert_form_error(form, field, to_list(errors), msg_prefix, "form %r" % (form,))

    def assertFormSetError(self, formset, form_index, field, errors, msg_prefix=""):
        """The errors of form ``form_index`` of ``formset`` on ``field`` (or, with ``form_index``
        None, the formset's non-form errors) are exactly ``errors``."""
        if msg_prefix:
            msg_prefix += ": "
        errors = to_list(errors)
        if not formset.is_bound:
            self.fail("%sThe formset %r is not bound, it will never have any errors." % (msg_prefix, formset))
        if form_index is not None and form_index >= formset.total_form_count():
            form_count = formset.total_form_count()
            self.fail("%sThe formset %r only has %d form%s." % (msg_prefix, formset, form_count,
                                                                 "" if form_count == 1 else "s"))
        if form_index is not None:
            self._assert_form_error(formset.forms[form_index], field, errors, msg_prefix,
                                    "form %d of formset %r" % (form_index, formset))
        else:
            self.assertEqual(list(formset.non_form_errors()), errors,
                             msg_prefix + "The non-form errors of formset %r don't match." % (formset,))

    # -- templates -------------------------------------------------------------------------

    def _get_template_used(self, response, template_name, msg_prefix, method_name):
        if response is None and template_name is None:
            raise TypeError("response and/or template_name argument must be provided")
        if msg_prefix:
            msg_prefix += ": "
        if template_name is not None and response is not None:
            self._check_test_client_response(response, "templates", method_name)
        if not hasattr(response, "templates") or (response is None and template_name):
            if response:
                template_name = response
                response = None
            # Used as a context manager.
            return None, template_name, msg_prefix
        template_names = [t.name for t in response.templates if t.name is not None]
        return template_names, template_name, msg_prefix

    def _check_test_client_response(self, response, attribute, method_name):
        if not hasattr(response, attribute):
            raise ValueError("%s() is only usable on responses fetched using the test client." % method_name)

    def _assert_template_used(self, template_name, template_names, msg_prefix, count):
        if not template_names:
            self.fail(msg_prefix + "No templates used to render the response")
        self.assertTrue(template_name in template_names, msg_prefix + (
            "Template '%s' was not a template used to render the response. Actual template(s) used: %s"
            % (template_name, ", ".join(template_names))))
        if count is not None:
            self.assertEqual(template_names.count(template_name), count, msg_prefix + (
                "Template '%s' was expected to be rendered %d time(s) but was actually rendered %d time(s)."
                % (template_name, count, template_names.count(template_name))))

    def assertTemplateUsed(self, response=None, template_name=None, msg_prefix="", count=None):
        """``template_name`` was rendered for ``response`` (``count`` times); without a response,
        a context manager checking the templates rendered inside the block."""
        template_names, template_name, msg_prefix = self._get_template_used(
            response, template_name, msg_prefix, "assertTemplateUsed")
        if template_names is None:
            return _AssertTemplateUsedContext(self, template_name, msg_prefix, count)
        self._assert_template_used(template_name, template_names, msg_prefix, count)

    def assertTemplateNotUsed(self, response=None, template_name=None, msg_prefix=""):
        template_names, template_name, msg_prefix = self._get_template_used(
            response, template_name, msg_prefix, "assertTemplateNotUsed")
        if template_names is None:
            return _AssertTemplateNotUsedContext(self, template_name, msg_prefix)
        self.assertFalse(template_name in template_names, msg_prefix + (
            "Template '%s' was used unexpectedly in rendering the response" % template_name))

    # -- HTML ------------------------------------------------------------------------------

    def assertHTMLEqual(self, html1, html2, msg=None):
        """The two strings are the same HTML (attribute order, quoting and whitespace aside)."""
        dom1 = assert_and_parse_html(self, html1, msg, "First argument is not valid HTML:")
        dom2 = assert_and_parse_html(self, html2, msg, "Second argument is not valid HTML:")
        if dom1 != dom2:
            standard_msg = "%s != %s\n\n%s\n---\n%s" % (_short(dom1), _short(dom2), dom1, dom2)
            self.fail(self._formatMessage(msg, standard_msg))

    def assertHTMLNotEqual(self, html1, html2, msg=None):
        dom1 = assert_and_parse_html(self, html1, msg, "First argument is not valid HTML:")
        dom2 = assert_and_parse_html(self, html2, msg, "Second argument is not valid HTML:")
        if dom1 == dom2:
            self.fail(self._formatMessage(msg, "%s == %s" % (_short(dom1), _short(dom2))))

    def assertInHTML(self, needle, haystack, count=None, msg_prefix=""):
        """The HTML fragment ``needle`` occurs in ``haystack`` (``count`` times, if given)."""
        parsed_needle = assert_and_parse_html(self, needle, None, "First argument is not valid HTML:")
        parsed_haystack = assert_and_parse_html(self, haystack, None, "Second argument is not valid HTML:")
        real_count = parsed_haystack.count(parsed_needle)
        if msg_prefix:
            msg_prefix += ": "
        haystack_repr = _short(haystack, 200)
        if count is not None:
            if count == 0:
                msg = "%s unexpectedly found in the following response\n%s" % (needle, haystack_repr)
            else:
                msg = "Found %d instances of '%s' (expected %d) in the following response\n%s" % (
                    real_count, needle, count, haystack_repr)
            self.assertEqual(real_count, count, msg_prefix + msg)
        else:
            self.assertTrue(real_count != 0, msg_prefix + "Couldn't find '%s' in the following response\n%s"
                            % (needle, haystack_repr))

    def assertNotInHTML(self, needle, haystack, msg_prefix=""):
        self.assertInHTML(needle, haystack, count=0, msg_prefix=msg_prefix)


def _short(value, length=80):
    text = value if isinstance(value, string_types) else text_type(value)
    return text if len(text) <= length else text[:length] + "..."
