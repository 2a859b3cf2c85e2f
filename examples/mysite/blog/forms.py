"""The post form: title and text from the model, tags typed as comma-separated names."""
from __future__ import unicode_literals

from pyframework import forms
from pyframework.core.exceptions import ValidationError
from pyframework.db import transaction

from pyframework.utils.translation import gettext_lazy as _
from pyframework.utils.translation import ngettext

from blog.models import Post, Tag

MAX_TAGS = 10


def parse_tags(text):
    """``"Python, web"`` -> ``["python", "web"]``: lower-cased, without blanks or repeats."""
    names = []
    for name in text.lower().split(","):
        name = name.strip()
        if name and name not in names:
            names.append(name)
    return names


class PostForm(forms.ModelForm):
    # Declared here, so the model's many-to-many field is replaced by a text box
    # in which new tags can be named, instead of a choice among existing ones.
    tags = forms.CharField(required=False, label=_("Tags, separated by commas"))

    class Meta:
        model = Post
        fields = ["title", "body"]

    def __init__(self, *args, **kwargs):
        super(PostForm, self).__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            self.initial["tags"] = ", ".join(tag.name for tag in self.instance.tags.all())

    def clean_tags(self):
        names = parse_tags(self.cleaned_data["tags"])
        if len(names) > MAX_TAGS:
            raise ValidationError(ngettext("Use at most %(max)d tag.", "Use at most %(max)d tags.", MAX_TAGS)
                                  % {"max": MAX_TAGS})
        problems = []
        for name in names:
            try:
                # The model's own validators decide what a tag name may be;
                # uniqueness is settled by get_or_create() when saving.
                Tag(name=name).clean_fields()
            except ValidationError as error:
                problems.extend("%s: %s" % (name, message) for message in error.messages)
        if problems:
            raise ValidationError(problems)
        return names

    def save(self, commit=True):
        """Write the post and its tags all at once, or nothing at all."""
        if not commit:
            return super(PostForm, self).save(commit=False)
        with transaction.atomic():
            post = super(PostForm, self).save()
            post.tags.set([Tag.objects.get_or_create(name=name)[0] for name in self.cleaned_data["tags"]])
        return post
