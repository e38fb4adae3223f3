"""Views of the foundation that are not pages: the site-wide files browsers ask for at
fixed addresses, and the page the language switcher leads to from an untranslated page."""

from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_info
from django.views.decorators.http import require_safe
from wagtail.models import Site

from home.locales import localized

# /favicon.ico keeps its address when the icon changes (pages link to the versioned
# static copy): a month is long enough to spare requests, short enough for a new icon.
FAVICON_MAX_AGE = 30 * 24 * 3600

PARAM_PAGE = "page"
PARAM_LANGUAGE = "lang"  # the language the page is written in


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


def untranslated_page(request):
    """Where the language switcher leads from a page not translated into the active
    language: it says so, links back to the page and to this language's home page,
    instead of silently dropping the visitor on the home page."""
    origin = request.GET.get(PARAM_PAGE, "")
    if not (
        origin.startswith("/")
        and url_has_allowed_host_and_scheme(origin, allowed_hosts={request.get_host()})
    ):
        origin = ""  # only an address of this site
    site = Site.find_for_request(request)
    home = localized(site.root_page, request) if site is not None else None
    language = request.GET.get(PARAM_LANGUAGE)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    source = get_language_info(language)
    return render(
        request,
        "home/untranslated_page.html",
        {
            "origin": origin,
            "home_url": home.get_url(request) if home is not None else "/",
            "source_language": source["code"],
            "source_language_name": source["name_translated"],
            "source_language_local_name": source["name_local"],
        },
    )
