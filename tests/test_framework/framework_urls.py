"""Views for the pyframework.test tests: templates, the logged-in user, e-mail."""
from __future__ import unicode_literals

from pyframework import forms
from pyframework.contrib.auth.decorators import login_required
from pyframework.core.mail import send_mail
from pyframework.http import HttpResponse
from pyframework.shortcuts import render
from pyframework.urls import path


def greeting(request):
    return render(request, "greeting.html", {"greeting": "hello", "name": "Ada"})


@login_required
def whoami(request):
    return HttpResponse(request.user.get_username())


def mail(request):
    send_mail("Subject here", "Body", "from@example.com", ["to@example.com"])
    return HttpResponse("sent")


class ContactForm(forms.Form):
    email = forms.EmailField()
    message = forms.CharField()

    def clean(self):
        if self.cleaned_data.get("message") == "spam":
            raise forms.ValidationError("No spam.")
        return self.cleaned_data


def contact(request):
    form = ContactForm(request.POST)
    form.is_valid()
    return render(request, "greeting.html", {"form": form, "greeting": "form", "name": "x"})


urlpatterns = [
    path("greeting/", greeting),
    path("whoami/", whoami),
    path("mail/", mail),
    path("contact/", contact),
]


def _one_round_hasher():
    from pyframework.contrib.auth.hashers import PBKDF2PasswordHasher

    class OneRoundHasher(PBKDF2PasswordHasher):
        iterations = 1  # fast tests; the hashers' own tests check the real count

    return OneRoundHasher


OneRoundHasher = _one_round_hasher()
