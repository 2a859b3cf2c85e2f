from __future__ import unicode_literals

from pyframework import forms


class EntryForm(forms.Form):
    title = forms.CharField(max_length=100)
    quantity = forms.IntegerField(min_value=0, max_value=1000)
