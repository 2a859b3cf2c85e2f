"""Views and urlconf for the FormView tests."""
from __future__ import unicode_literals

from pyframework import forms
from pyframework.http import HttpResponse
from pyframework.urls import path
from pyframework.views.generic import FormView


class ContactForm(forms.Form):
    subject = forms.CharField(max_length=50)
    sender = forms.EmailField()
    copies = forms.IntegerField(min_value=1, initial=1)


class ContactView(FormView):
    form_class = ContactForm
    template_name = "contact_form.html"
    success_url = "/thanks/"
    received = []

    def form_valid(self, form):
        self.received.append(form.cleaned_data)
        return super(ContactView, self).form_valid(form)


class UploadForm(forms.Form):
    title = forms.CharField()
    attachment = forms.FileField()


class UploadView(FormView):
    form_class = UploadForm
    template_name = "contact_form.html"
    prefix = "up"
    initial = {"title": "Untitled"}

    def form_valid(self, form):
        upload = form.cleaned_data["attachment"]
        return HttpResponse("%s:%s:%d" % (form.cleaned_data["title"], upload.name, upload.size))


class NoSuccessUrlView(FormView):
    form_class = ContactForm
    template_name = "contact_form.html"


urlpatterns = [
    path("contact/", ContactView.as_view(), name="contact"),
    path("upload/", UploadView.as_view(), name="upload"),
    path("broken/", NoSuccessUrlView.as_view()),
]
