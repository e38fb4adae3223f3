"""Site-wide files that browsers ask for at fixed addresses."""

from functools import cache

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.views.decorators.http import require_safe

# /favicon.ico keeps its address when the icon changes (pages link to the versioned
# static copy): a month is long enough to spare requests, short enough for a new icon.
FAVICON_MAX_AGE = 30 * 24 * 3600


@cache
def _favicon_bytes():
    with open(finders.find("favicon.ico"), "rb") as icon:
        return icon.read()


@require_safe
def favicon(request):
    """The icon browsers fetch from ``/favicon.ico`` whatever the page says."""
    response = HttpResponse(_favicon_bytes(), content_type="image/vnd.microsoft.icon")
    response["Cache-Control"] = f"public, max-age={FAVICON_MAX_AGE}"
    return response
