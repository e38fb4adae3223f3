"""``/sitemap.xml``: every live public page of the site, in every language, with its
hreflang alternates.

Wagtail's own sitemap lists only the tree under the site's root page (the French home;
the English tree hangs beside it) and builds a page object per address: with 10,000
shops in two languages that took seconds, which any crawler could ask for again and
again. Here one query reads the rows the addresses are made of, and the addresses are
made the way ``Page.get_url_parts`` makes them (the site's root paths, the language
prefix of ``wagtail_serve``); ``tests/home/test_sitemaps.py`` checks both agree on
every page.

Past 50,000 addresses (the protocol's limit for one file), ``/sitemap.xml`` becomes a
sitemap index of ``/sitemap-<n>.xml`` files of at most 50,000 addresses each.

Live pages that answer "gone" or "not yet" at times (an offer after its last day, out
of season) are left out by the apps that know them: ``leave_out(pages)``.
"""

from collections import defaultdict
from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, Site

MAX_URLS_PER_FILE = 50_000
_left_out = []


def leave_out(pages):
    """Register ``pages(now)`` -> (queryset of live pages not to list at ``now``, the
    moment that set next changes or None); the sitemap is shared until then at most."""
    _left_out.append(pages)


def _left_out_at(now):
    """(page ids queries to exclude, the first moment one of them changes)."""
    excluded, changes = [], []
    for pages in _left_out:
        queryset, changes_at = pages(now)
        excluded.append(queryset.values("pk"))
        if changes_at is not None:
            changes.append(changes_at)
    return excluded, min(changes, default=None)


# What Django's reverse() leaves unquoted in a path (RFC 3986 sub-delimiters and more).
PATH_SAFE = "/~:@!$&'()*+,;="


def site_page_rows(site, excluded=()):
    """(url_path, translation_key, language code, last change) of every live public
    page under the site's root page and its translations, in tree order, but the pages
    of the ``excluded`` queries."""
    roots = site.root_page.get_translations(inclusive=True)
    under_a_root = Q()
    for root in roots.only("path"):
        under_a_root |= Q(path__startswith=root.path)
    rows = Page.objects.live().public().filter(under_a_root)
    for pages in excluded:
        rows = rows.exclude(pk__in=pages)
    return rows.order_by("path").values_list(
        "url_path",
        "translation_key",
        "locale__language_code",
        "last_published_at",
        "latest_revision_created_at",
    )


class AddressMaker:
    """Full URLs of pages from their ``url_path``, as ``Page.get_url_parts`` makes them
    for ``site`` (its root paths, one per language, and the language prefix)."""

    def __init__(self, site):
        self.root_paths = [
            root for root in Site.get_site_root_paths() if root.site_id == site.pk
        ] or list(Site.get_site_root_paths())
        self.prefixes = {}
        for root in self.root_paths:
            with translation.override(root.language_code):
                self.prefixes[root.language_code] = reverse("wagtail_serve", args=("",))

    def url(self, url_path):
        for root in self.root_paths:
            if url_path.startswith(root.root_path):
                rest = quote(url_path[len(root.root_path) :], safe=PATH_SAFE)
                return root.root_url + self.prefixes[root.language_code] + rest
        return None


def sitemap_entries(site, request=None):
    """[(address, last change, {language: address} of its versions)] for the site."""
    # home.caching names the sitemap's files (MAX_URLS_PER_FILE): imported when used.
    from home.caching import share_until

    now = timezone.now()
    excluded, changes_at = _left_out_at(now)
    share_until(request, changes_at, now)
    maker = AddressMaker(site)
    entries = []
    versions = defaultdict(dict)  # translation key -> {language code: address}
    for url_path, key, language, published, revised in site_page_rows(site, excluded).iterator(
        chunk_size=5000
    ):
        url = maker.url(url_path)
        if url is None:
            continue
        versions[key].setdefault(language, url)
        entries.append((url, published or revised, versions[key]))
    return entries


def _alternates(versions):
    if len(versions) < 2:
        return ""
    links = [(code, versions[code]) for code, _name in settings.LANGUAGES if code in versions]
    if settings.LANGUAGE_CODE in versions:
        links.append(("x-default", versions[settings.LANGUAGE_CODE]))
    return "".join(
        f'<xhtml:link rel="alternate" hreflang={quoteattr(code)} href={quoteattr(url)}/>'
        for code, url in links
    )


def _urlset(entries):
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    )
    for url, changed, versions in entries:
        lastmod = f"<lastmod>{changed:%Y-%m-%d}</lastmod>" if changed else ""
        yield f"<url><loc>{escape(url)}</loc>{lastmod}{_alternates(versions)}</url>\n"
    yield "</urlset>\n"


def _index(request, count):
    files = range(1, (count + MAX_URLS_PER_FILE - 1) // MAX_URLS_PER_FILE + 1)
    yield (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
    )
    for number in files:
        location = request.build_absolute_uri(reverse("sitemap_file", args=(number,)))
        yield f"<sitemap><loc>{escape(location)}</loc></sitemap>\n"
    yield "</sitemapindex>\n"


def _xml(parts):
    return HttpResponse("".join(parts), content_type="application/xml; charset=utf-8")


def _site(request):
    return Site.find_for_request(request) or Site.objects.select_related("root_page").get(
        is_default_site=True
    )


def sitemap(request):
    """The sitemap, or past ``MAX_URLS_PER_FILE`` addresses the index of its files."""
    entries = sitemap_entries(_site(request), request)
    if len(entries) > MAX_URLS_PER_FILE:
        return _xml(_index(request, len(entries)))
    return _xml(_urlset(entries))


def sitemap_file(request, number):
    """File ``number`` (from 1) of a sitemap too large for one file."""
    entries = sitemap_entries(_site(request), request)
    start = (number - 1) * MAX_URLS_PER_FILE
    if start >= len(entries) or len(entries) <= MAX_URLS_PER_FILE:
        raise Http404
    return _xml(_urlset(entries[start : start + MAX_URLS_PER_FILE]))
