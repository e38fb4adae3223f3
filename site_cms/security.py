"""What the site's security headers are made of, importable from the settings.

The Content-Security-Policy itself is django-csp's (``CONTENT_SECURITY_POLICY`` in the
settings, applied by ``site_cms.middleware``); this module holds the parts computed from
other settings: the map's tile server as a CSP source, the Permissions-Policy of a view
that needs a browser feature, and the headers of static files.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def tile_source(url_template):
    """The CSP source (for ``img-src``) that lets the map load tiles from
    ``url_template``, a Leaflet tile URL such as ``https://tile.example.org/{z}/{x}/{y}.png``.

    ``{s}`` as the first label of the host becomes ``*`` (the server's subdomains); a
    path on this site (``/tiles/{z}/{x}/{y}.png``) needs nothing more than ``'self'``.
    Raises ``ImproperlyConfigured`` for anything Leaflet or a CSP could not use, so that
    a mistyped ``MAP_TILES_URL`` stops the site at start-up instead of leaving every map
    blank.
    """
    problem = _tile_url_problem(url_template)
    if problem:
        raise ImproperlyConfigured(f"MAP_TILES_URL={url_template!r}: {problem}")
    parts = urlsplit(url_template)
    if not parts.netloc:
        return "'self'"
    host = parts.netloc.lower()
    if host.startswith("{s}."):
        host = "*" + host[3:]
    return f"{parts.scheme.lower()}://{host}"


def _tile_url_problem(url_template):
    # Leaflet's placeholders (L.TileLayer): {-y} is the row of TMS servers.
    has_row = "{y}" in url_template or "{-y}" in url_template
    if "{z}" not in url_template or "{x}" not in url_template or not has_row:
        return "a tile URL needs the {z}, {x} and {y} (or {-y}) placeholders."
    parts = urlsplit(url_template)
    if not parts.scheme and not parts.netloc:
        if url_template.startswith("/") and not url_template.startswith("//"):
            return None  # tiles served by this site
        return "give an absolute https:// address or a path starting with /."
    if parts.scheme.lower() not in ("https", "http") or not parts.netloc:
        return "give an absolute https:// address or a path starting with /."
    if "@" in parts.netloc:
        return "credentials do not belong in a tile URL."
    host = parts.netloc[4:] if parts.netloc.startswith("{s}.") else parts.netloc
    if "{" in host or "}" in host or "*" in host or not host.strip("."):
        return (
            "the host may only use {s} as its first label (a CSP cannot allow a host "
            "name built from other placeholders)."
        )
    return None


def check_attribution_url(url):
    """``MAP_TILES_ATTRIBUTION_URL`` is empty (the credit is plain text) or a web
    address; anything else (a ``javascript:`` link) stops the site at start-up."""
    if url and urlsplit(url).scheme.lower() not in ("https", "http"):
        raise ImproperlyConfigured(
            f"MAP_TILES_ATTRIBUTION_URL={url!r}: give an https:// address or leave it empty."
        )
    return url


def permissions_policy_allowing(features):
    """The site's ``PERMISSIONS_POLICY`` with ``features`` allowed for this origin.

    For a view or a page that uses one of the features denied everywhere else (the
    directory's "near me" button will need ``geolocation``); the result goes to
    django-permissions-policy's ``permissions_policy_override``.
    """
    policy = dict(settings.PERMISSIONS_POLICY)
    for feature in features:
        if feature not in policy:
            raise ImproperlyConfigured(
                f"{feature!r} is not in PERMISSIONS_POLICY: add it there (denied) first."
            )
        policy[feature] = ["self"]
    return policy


def static_file_headers(headers, path, url):
    """``WHITENOISE_ADD_HEADERS_FUNCTION``: static files carry the same
    Cross-Origin-Resource-Policy as the site's responses (whitenoise answers before any
    other middleware sees them)."""
    headers["Cross-Origin-Resource-Policy"] = settings.CROSS_ORIGIN_RESOURCE_POLICY
