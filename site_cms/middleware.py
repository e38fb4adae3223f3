"""Security headers that need the request: which Content-Security-Policy applies, and
the Cross-Origin-Resource-Policy of every response."""

import logging
import time

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse

from site_cms.security import tile_source

request_logger = logging.getLogger("site_cms.requests")


def content_security_policy(request):
    """The CSP directives for a response to ``request``: the Wagtail admin's under the
    admin's URL, otherwise the public site's with the map's tile server in img-src."""
    if request.path_info.startswith(reverse("wagtailadmin_home")):
        return {**settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]}
    directives = {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]}
    directives["img-src"] = [*directives.get("img-src", []), tile_source(settings.MAP_TILES_URL)]
    if getattr(request, "is_preview", False):
        # Wagtail renders a preview by sending a made-up request for the page's public
        # URL through the middleware: the public policy applies, but the admin's
        # preview panel must be able to frame it.
        directives["frame-ancestors"] = [SELF]
    return directives


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware choosing the policy by path (see
    ``content_security_policy``). A view's own ``@csp(...)`` still replaces it, and
    ``@csp_update``/``@csp_replace`` apply on top of it, as django-csp documents."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None:
            parts.config = content_security_policy(request)
        # Inline data blocks (JSON-LD) by the hash of their content: kept on the
        # response, so that a page served from the cache names the same ones.
        hashes = getattr(response, "csp_script_hashes", None) or getattr(
            request, "csp_script_hashes", None
        )
        if not report_only and hashes:
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), *hashes]
            parts.update = update
        return parts


class CrossOriginResourcePolicyMiddleware:
    """``Cross-Origin-Resource-Policy`` (``settings.CROSS_ORIGIN_RESOURCE_POLICY``) on
    every response that does not set its own: Django only sends the opener policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response


class RequestLogMiddleware:
    """One log line per request (logger ``site_cms.requests``, INFO): method, path,
    status and duration, with the request id every line carries. The path only: a
    query string may hold what a visitor typed, and the secret of a signed link (a
    booking's, a password reset's) in the path is masked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        duration_ms = round((time.monotonic() - started) * 1000, 1)
        path = logged_path(request)
        request_logger.info(
            "%s %s %s %.1f ms",
            request.method,
            path,
            response.status_code,
            duration_ms,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
            },
        )
        return response


# URL arguments that are secrets: signed tokens and the user ids they go with.
SECRET_URL_ARGUMENTS = {"token", "uidb64"}


def logged_path(request):
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name, value in match.kwargs.items():
            if name in SECRET_URL_ARGUMENTS and value:
                path = path.replace(str(value), "…")
    return path
