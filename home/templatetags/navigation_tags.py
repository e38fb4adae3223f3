"""Template tags for the parts of the layout that every page shares."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page, Site

from home import finding, frame
from home.locales import active_locale, localized
from home.models import FooterContent

register = template.Library()


def _home_for_request(request):
    """The home page of the active language for the request's site, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return localized(site.root_page, request)


@dataclass(frozen=True)
class MenuLink:
    title: str
    url: str
    path: str  # the page's tree path: the current page is in its section


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    current = context.get("page")
    home, items = frame.remember(request, "menu", lambda: _menu(request))
    return {
        "home": home,
        "items": items,
        "current_path": getattr(current, "path", ""),
    }


def _menu(request):
    """The home page of the active language and its children shown in menus."""
    home = _home_for_request(request)
    if home is None:
        return None, []
    children = home.get_children().live().public().in_menu()
    return _link(home, request), [_link(child, request) for child in children]


def _link(page, request):
    return MenuLink(page.title, page.get_url(request), page.path)


@register.inclusion_tag("includes/site_search.html", takes_context=True)
def site_search(context, place="header"):
    """The site's search box: in the header of every page (``place="header"``) and on
    the home page (``"home"``); nothing on the search page, which has its own."""
    request = context.get("request")
    box = finding.search_box(request, context.get("page"))
    return {
        "box": None if box is None or box.is_current else box,
        "place": place,
        "language": translation.get_language(),
    }


@register.inclusion_tag("includes/home_shortcuts.html", takes_context=True)
def home_shortcuts(context):
    """Links from the home page to what residents come for (the directory, search)."""
    return {"shortcuts": finding.shortcuts(context.get("request"))}


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context):
    page = context.get("page")
    request = context.get("request")
    ancestors = context.get("breadcrumb_ancestors")  # a page shown at another address
    if ancestors is None:
        ancestors = []
        if page is not None and page.depth > 2:
            ancestors = _routed_ancestors(request, page)
            if ancestors is None:
                ancestors = list(page.get_ancestors().filter(depth__gte=2).live())
    return {
        "page": page,
        "ancestors": ancestors,
        "request": request,
        "structured_data": _breadcrumb_list(page, ancestors, request) if ancestors else None,
    }


def _routed_ancestors(request, page):
    """``page``'s live ancestors from the home page down, as routing went through them
    to serve it (``BasePage.route``), or None when it was not served that way."""
    route = getattr(request, "_site_cms_route", None)
    if not route or route[-1].pk != page.pk or route[0].depth != 2:
        return None
    ancestors = route[:-1]
    if [ancestor.depth for ancestor in ancestors] != list(range(2, page.depth)):
        return None
    return [ancestor for ancestor in ancestors if ancestor.live]


def _breadcrumb_list(page, ancestors, request):
    """schema.org ``BreadcrumbList`` of the trail the template shows, same names."""
    trail = [
        (translation.gettext("Accueil") if ancestor.depth == 2 else ancestor.title, ancestor)
        for ancestor in ancestors
    ]
    trail.append((page.title, page))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": crumb.get_full_url(request),
            }
            for position, (name, crumb) in enumerate(trail, start=1)
        ],
    }


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the current page in the other languages, or to their home page.

    Wagtail pages link to their live translation. Other views (portal, forms, search)
    are Django URLs with translated paths: Django's ``translate_url`` gives their
    address in the other language.
    """
    request = context["request"]
    page = context.get("page")
    is_page = isinstance(page, Page)
    current_language = translation.get_language()
    translations = live_translations(page, request)
    site = Site.find_for_request(request)
    links = []
    for code, name in settings.LANGUAGES:
        if code == current_language:
            continue
        url = None
        if not is_page:
            translated = translate_url(request.get_full_path(), code)
            url = translated if translated != request.get_full_path() else None
        with translation.override(code):
            target = translations.get(code)
            if url is None and target is None and is_page:
                # A page type may show an untranslated page in that language itself
                # (an untranslated shop on the English directory).
                url_in_language = getattr(page, "url_in_language", None)
                url = url_in_language(code, request) if url_in_language else None
                if url is None:
                    # Say the page is not translated, rather than drop the visitor on
                    # the other home page.
                    url = (
                        reverse("untranslated_page")
                        + "?"
                        + urlencode({"page": request.get_full_path(), "lang": current_language})
                    )
            if url is None and target is None and site is not None:
                home = localized(site.root_page)
                target = home if home.locale_id == active_locale().pk else None
            if url is None:
                url = target.get_url(request) if target else reverse("wagtail_serve", args=[""])
            links.append({"code": code, "name": translation.gettext(name), "url": url})
    return {"links": links}


def live_translations(page, request):
    """{language code: page} of ``page`` and its live translations, once per request."""
    cache = getattr(request, "_site_cms_translations", None)
    if cache is not None and cache[0] == getattr(page, "pk", None):
        return cache[1]
    translations = {}
    if isinstance(page, Page) and page.live:
        pages = page.get_translations(inclusive=True).live().select_related("locale")
        translations = {translated.locale.language_code: translated for translated in pages}
    request._site_cms_translations = (getattr(page, "pk", None), translations)
    return translations


@dataclass(frozen=True)
class Footer:
    text: str
    links: tuple  # (label, url) pairs


@register.inclusion_tag("includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    return {
        "footer": frame.remember(request, "footer", lambda: _footer(request)),
        "settings": context.get("settings"),
    }


def _footer(request):
    """The footer in the active language (links to pages in their translation)."""
    footer = FooterContent.for_locale(active_locale(request))
    if footer is None:
        return None
    links = []
    for link in footer.links:
        page = localized(link.value["page"], request) if link.value["page"] else None
        url = page.get_url(request) if page is not None else link.value["url"]
        links.append((link.value["label"], url))
    return Footer(footer.text, tuple(links))
