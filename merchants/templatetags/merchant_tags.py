"""Template helpers of the directory and merchant profiles."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The characters Django's json_script escapes, so that data can never end the element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def ld_json(data):
    """``data`` as a ``<script type="application/ld+json">`` element.

    Structured data is not executed, so a strict Content-Security-Policy (no inline
    scripts) still holds; the escaping is json_script's.
    """
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.filter
def as_json(value):
    """``value`` as JSON text, for a data attribute (the template escapes it)."""
    return json.dumps(value, cls=DjangoJSONEncoder)
