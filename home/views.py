"""Views of the foundation that are not pages."""

from django.conf import settings
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_info
from wagtail.models import Site

from home.locales import localized

PARAM_PAGE = "page"
PARAM_LANGUAGE = "lang"  # the language the page is written in


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
