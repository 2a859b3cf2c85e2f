"""Find and render templates with the configured engines."""
from __future__ import absolute_import, unicode_literals

from pyframework.template.exceptions import TemplateDoesNotExist
from pyframework.template.utils import engines


def _engines(using):
    return engines.all() if using is None else [engines[using]]


def get_template(template_name, using=None):
    """The template called ``template_name`` from the first engine that has it."""
    chain = []
    for engine in _engines(using):
        try:
            return engine.get_template(template_name)
        except TemplateDoesNotExist as exc:
            chain.append(exc)
    raise _not_found(template_name, chain)


def select_template(template_name_list, using=None):
    """The first template of the list that exists."""
    if not template_name_list:
        raise TemplateDoesNotExist("select_template() got an empty list of template names")
    chain = []
    for template_name in template_name_list:
        for engine in _engines(using):
            try:
                return engine.get_template(template_name)
            except TemplateDoesNotExist as exc:
                chain.append(exc)
    raise _not_found(", ".join(template_name_list), chain)


def _not_found(names, chain):
    tried = [path for exc in chain for path in exc.tried]
    return TemplateDoesNotExist(names, tried=tried, chain=chain)


def render_to_string(template_name, context=None, request=None, using=None):
    """Render ``template_name`` (or the first existing one of a list) to text."""
    if isinstance(template_name, (list, tuple)):
        template = select_template(template_name, using=using)
    else:
        template = get_template(template_name, using=using)
    return template.render(context, request)
