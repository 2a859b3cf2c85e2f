# -*- coding: utf-8 -*-
"""``FlatpageForm``: the FlatPage model form with URL checks (characters, slashes, one URL per site)."""
from __future__ import absolute_import, unicode_literals

from pyframework import forms
from pyframework.conf import settings
from pyframework.contrib.flatpages.models import FlatPage
from pyframework.core.exceptions import ValidationError
from pyframework.utils.translation import gettext, gettext_lazy as _

COMMON_MIDDLEWARE = "pyframework.middleware.common.CommonMiddleware"


class FlatpageForm(forms.ModelForm):
    """Checks that ``url`` has safe characters and a leading slash (and a trailing one when
    ``CommonMiddleware`` appends slashes), and that no other page has it on one of its sites."""

    url = forms.RegexField(
        label=_("URL"), max_length=100, regex=r"^[-\w/\.~]+$",
        help_text=_("Example: “/about/contact/”. Make sure to have leading and trailing slashes."),
        error_messages={"invalid": _("This value must contain only letters, numbers, dots, underscores, "
                                     "dashes, slashes or tildes.")})

    class Meta:
        model = FlatPage
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super(FlatpageForm, self).__init__(*args, **kwargs)
        if not self._trailing_slash_required():
            self.fields["url"].help_text = _("Example: “/about/contact”. Make sure to have a leading slash.")

    @staticmethod
    def _trailing_slash_required():
        return settings.APPEND_SLASH and COMMON_MIDDLEWARE in settings.MIDDLEWARE

    def clean_url(self):
        url = self.cleaned_data["url"]
        if not url.startswith("/"):
            raise ValidationError(gettext("URL is missing a leading slash."), code="missing_leading_slash")
        if self._trailing_slash_required() and not url.endswith("/"):
            raise ValidationError(gettext("URL is missing a trailing slash."), code="missing_trailing_slash")
        return url

    def clean(self):
        url = self.cleaned_data.get("url")
        sites = self.cleaned_data.get("sites")
        same_url = FlatPage.objects.filter(url=url)
        if self.instance.pk:
            same_url = same_url.exclude(pk=self.instance.pk)
        for site in sites or ():
            if same_url.filter(sites=site).exists():
                raise ValidationError(_("Flatpage with url %(url)s already exists for site %(site)s"),
                                      code="duplicate_url", params={"url": url, "site": site})
        return super(FlatpageForm, self).clean()
