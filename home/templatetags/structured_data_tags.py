import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The characters json_script escapes, so that data can never close the script element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    """A ``<script type="application/ld+json">`` element for schema.org data.

    ``data`` is a dict, or an object with a ``structured_data(request)`` method (a
    page). It is data, not code, so a strict Content-Security-Policy still applies.
    """
    if hasattr(data, "structured_data"):
        data = data.structured_data(context.get("request"))
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
