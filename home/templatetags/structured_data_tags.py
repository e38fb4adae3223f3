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
    page). Browsers do not run data blocks, but the element still carries the
    request's Content-Security-Policy nonce (django-csp) so that the policy names every
    inline script the site writes; rendered without a request (an email, a test), it
    has none.
    """
    request = context.get("request")
    if hasattr(data, "structured_data"):
        data = data.structured_data(request)
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    # django-csp's lazy nonce is falsy until read: str() reads it, which also puts it in
    # this response's policy.
    nonce = getattr(request, "csp_nonce", None)
    if nonce is None:
        return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>',
        str(nonce),
        mark_safe(payload),  # noqa: S308 - escaped above, as json_script does
    )
