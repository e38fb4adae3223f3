import base64
import hashlib
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
    page). Browsers do not run data blocks, but the Content-Security-Policy still names
    every inline script the site writes: by the hash of its content (``script_hash``),
    which, unlike a per-request nonce, stays true for a page served from a cache
    (``home.caching``). The request collects the hashes; the policy middleware adds
    them to ``script-src``.
    """
    request = context.get("request")
    if hasattr(data, "structured_data"):
        data = data.structured_data(request)
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    if request is not None:
        hashes = getattr(request, "csp_script_hashes", None)
        if hashes is None:
            hashes = request.csp_script_hashes = []
        if script_hash(payload) not in hashes:
            hashes.append(script_hash(payload))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload),  # noqa: S308 - escaped above, as json_script does
    )


def script_hash(content):
    """The CSP source (``'sha256-…'``) that allows an inline script of ``content``."""
    digest = hashlib.sha256(content.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"
