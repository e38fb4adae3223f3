"""Error pages that Django lets a project replace by a view."""

from django.middleware.csrf import REASON_NO_CSRF_COOKIE, REASON_NO_REFERER
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: a refused form (usually one left open too long, or sent
    after signing in or out in another tab) explained in the site's layout and in the
    language of the page it came from, instead of Django's English-only page.

    Offers a link back to the form when the browser said where it came from and that
    address is on this site.
    """
    back_url = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        back_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back_url = ""
    context = {
        "back_url": back_url,
        "no_cookie": reason == REASON_NO_CSRF_COOKIE,
        "no_referer": reason == REASON_NO_REFERER,
    }
    return render(request, "403_csrf.html", context, status=403)
