"""Full pages cached for anonymous visitors, and purged exactly when what they show changes.

Two layers hold a page: Django's cache (``CACHE_URL``: local memory on one machine, Redis
shared by several app servers) through ``PageCacheMiddleware``, and a frontend cache in
front of the app servers (Varnish with ``deploy/varnish/site.vcl``, or a CDN), which
reads the ``Cache-Control: s-maxage`` each shareable response carries and is purged by
Wagtail's ``wagtail.contrib.frontend_cache``.

- **What may be shared.** A response is shared only when its view says so
  (``share_response``; every page served by Wagtail does, through the ``on_serve_page``
  hook, unless it is a preview) and the request is anonymous: no session cookie, no
  messages waiting, nothing set in a cookie. The portal, the admin, forms posted and
  anything per visitor never are. Browsers are told to revalidate (``max-age=0``), so
  that a purge is seen at once.
- **For how long.** At most ``PAGE_CACHE_SECONDS``; less when a page shows something
  that changes with time without a publication: a shop's "Ouvert / Fermé" and "ferme à
  19:00" (until the next opening change or midnight), pickup slots (until the first
  one shown stops being bookable). Views and page contexts call ``share_until``.
- **What a change purges.** ``purge_pages`` (a step of the publication pipeline, and
  called after bookings, slot and snippet changes): each page in every language, its
  ancestors (the listings that show it: the directory, the news listing, the home
  page), the routes of routable pages (feeds, topic pages), the pages a page type says
  depend on it (``BasePage.cache_dependents``) and the sitemap. A path is purged with
  every query string (the directory's filter pages): Django's layer keys each path
  with a token that a purge renews; the VCL bans every object of the path. Snippets and
  settings shown everywhere (footer, categories, communes) purge everything
  (``purge_everything``).
- **When a cache is down.** Redis failing is logged and the page is served uncached;
  a frontend cache that cannot be purged is logged by Wagtail.
"""

import functools
import logging
import uuid
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.models import Page, Site
from wagtail.signals import post_page_move

from home import frame
from home.sitemaps import MAX_URLS_PER_FILE

logger = logging.getLogger(__name__)

CACHE_ALIAS = "default"
KEY_PREFIX = "page-cache"
# Cookies that say nothing about who the visitor is: a page may be served from the
# cache to a request that carries only these.
NEUTRAL_COOKIES = {"csrftoken"}
SESSION_COOKIES = {"sessionid", "messages"}
LIFETIME_ATTRIBUTE = "_site_cms_share_seconds"


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 3600)


def share_response(response, seconds=None):
    """Let anonymous visitors share ``response`` for at most ``seconds`` (default
    ``PAGE_CACHE_SECONDS``); the middleware decides whether the request allows it."""
    limit = page_cache_seconds() if seconds is None else seconds
    current = getattr(response, LIFETIME_ATTRIBUTE, None)
    setattr(response, LIFETIME_ATTRIBUTE, limit if current is None else min(current, limit))
    return response


def shared(view, seconds=None):
    """``view``'s successful answers may be shared by anonymous visitors (see
    ``share_response``): for views that are not Wagtail pages (the sitemap)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return share_response(view(request, *args, **kwargs), seconds)

    return wrapped


def share_until(request, moment, now=None):
    """What ``request``'s response shows changes at ``moment`` (an aware datetime;
    ``now``: the moment the page was computed for, default the clock's): it may be
    shared until then at most."""
    if moment is None or request is None:
        return
    seconds = max(int((moment - (now or timezone.now())).total_seconds()), 0)
    current = getattr(request, LIFETIME_ATTRIBUTE, None)
    setattr(request, LIFETIME_ATTRIBUTE, seconds if current is None else min(current, seconds))


def _shared_seconds(request, response):
    seconds = getattr(response, LIFETIME_ATTRIBUTE, None)
    if seconds is None:
        return None
    limit = getattr(request, LIFETIME_ATTRIBUTE, None)
    return seconds if limit is None else min(seconds, limit)


def request_is_anonymous(request):
    """Nothing in the request identifies the visitor (cookies beyond the neutral ones,
    credentials)."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    return set(request.COOKIES) <= NEUTRAL_COOKIES


def _response_is_shareable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "private" in response.get("Cache-Control", "") or "no-store" in response.get(
        "Cache-Control", ""
    ):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and getattr(messages, "_queued_messages", None))


class PageCacheMiddleware:
    """Serve shareable pages from Django's cache; mark them for the frontend cache.

    Placed after the security and static-file middleware and before the session: a
    cached page needs neither session nor user.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        anonymous = request_is_anonymous(request)
        key = None
        if anonymous and getattr(settings, "PAGE_CACHE_STORE", True):
            key = _page_key(request)
            cached = _cache_get(key) if key else None
            if cached is not None:
                cached["X-Page-Cache"] = "hit"
                return cached
        response = self.get_response(request)
        seconds = _shared_seconds(request, response)
        if seconds is None:
            return response
        if not (anonymous and _response_is_shareable(request, response)) or seconds <= 0:
            patch_cache_control(response, private=True, no_cache=True)
            return response
        # Pages are addressed by language (/en/...): the language the browser prefers
        # does not change what a URL shows, so caches need not keep a copy per header.
        _drop_vary(response, "Accept-Language")
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
        response["X-Page-Cache"] = "miss"
        # Inline data blocks are allowed by their hashes (structured_data_tags): kept with
        # the page, for the policy of every copy served from the cache.
        response.csp_script_hashes = list(getattr(request, "csp_script_hashes", None) or [])
        if key:
            if hasattr(response, "render") and callable(response.render):
                response.render()
            _cache_set(key, response, seconds)
        return response


def _drop_vary(response, header):
    if not response.has_header("Vary"):
        return
    kept = [
        value.strip()
        for value in response["Vary"].split(",")
        if value.strip() and value.strip().lower() != header.lower()
    ]
    del response["Vary"]
    if kept:
        patch_vary_headers(response, kept)


def _cache():
    return caches[CACHE_ALIAS]


def _token_key(name):
    return f"{KEY_PREFIX}:token:{name}"


def _tokens(names):
    """The current token of each name (a path, or "site"), created when missing: a
    token is never reused, so entries stored under an old one can never come back."""
    keys = {name: _token_key(name) for name in names}
    found = _cache().get_many(list(keys.values()))
    tokens = {}
    for name, key in keys.items():
        token = found.get(key)
        if token is None:
            _cache().add(key, uuid.uuid4().hex, timeout=None)
            token = _cache().get(key)
        tokens[name] = token
    return tokens


def _page_key(request):
    try:
        path = request.path
        tokens = _tokens(["site", path])
    except Exception:  # noqa: BLE001 - any cache failure: serve uncached
        logger.warning("Page cache unavailable: serving uncached.", exc_info=True)
        return None
    query = request.META.get("QUERY_STRING", "")
    host = request.get_host()
    return (
        f"{KEY_PREFIX}:{tokens['site']}:{tokens[path]}:{request.method == 'HEAD'}:"
        f"{host}:{uuid.uuid5(uuid.NAMESPACE_URL, path + '?' + query).hex}"
    )


def _cache_get(key):
    try:
        return _cache().get(key)
    except Exception:  # noqa: BLE001
        logger.warning("Page cache unavailable: serving uncached.", exc_info=True)
        return None


def _cache_set(key, response, seconds):
    try:
        _cache().set(key, response, seconds)
    except Exception:  # noqa: BLE001
        logger.warning("Page cache unavailable: page not stored.", exc_info=True)


# Purging -------------------------------------------------------------------------------


def page_urls(page):
    """The full URLs at which ``page`` is served, its routes included (feeds...)."""
    urls = []
    url = page.get_full_url()
    if not url:
        return urls
    base = url.rstrip("/")
    specific = page.specific_deferred
    for path in specific.get_cached_paths():
        urls.append(url if path == "/" else base + "/" + path.lstrip("/"))
    # A page type may serve a page at other addresses too (an untranslated shop on the
    # English directory): ``also_served_at()`` lists their full URLs.
    also_served_at = getattr(specific, "also_served_at", None)
    if also_served_at is not None:
        urls.extend(also_served_at())
    return urls


def urls_to_purge(pages):
    """Every URL whose content may change when ``pages`` are published or withdrawn:
    the pages in every language, their ancestors, what their type says depends on
    them, and the sitemap."""
    keys = {page.translation_key for page in pages if getattr(page, "translation_key", None)}
    versions = list(Page.objects.filter(translation_key__in=keys).specific()) if keys else []
    known = {page.pk for page in versions}
    versions += [page for page in pages if page.pk not in known]
    urls = set()
    ancestor_paths = set()
    for page in versions:
        urls.update(page_urls(page))
        depends = getattr(page, "cache_dependents", None)
        if depends is not None:
            for dependent in depends():
                urls.update(page_urls(dependent) if isinstance(dependent, Page) else [dependent])
        for depth in range(2, page.depth):
            ancestor_paths.add(page.path[: depth * Page.steplen])
    for ancestor in Page.objects.filter(path__in=ancestor_paths).specific():
        urls.update(page_urls(ancestor))
    urls.update(sitemap_urls())
    return sorted(urls)


def sitemap_urls():
    """The sitemap's addresses: ``/sitemap.xml`` and, past 50,000 pages, its files."""
    files = Page.objects.live().count() // MAX_URLS_PER_FILE + 1
    urls = []
    for site in Site.objects.all():
        root = site.root_url.rstrip("/")
        urls.append(f"{root}/sitemap.xml")
        if files > 1:
            urls += [f"{root}/sitemap-{number}.xml" for number in range(1, files + 1)]
    return urls


def purge_urls(urls):
    """Purge ``urls`` (with every query string) from Django's cache and the frontend
    cache, once the current transaction commits (before, a visitor's request could
    store the old version again)."""
    urls = sorted(set(urls))
    if not urls:
        return

    def purge():
        _renew_tokens(urlsplit(url).path or "/" for url in urls)
        if get_backends():
            purge_urls_from_cache(urls)

    transaction.on_commit(purge)


def purge_pages(pages):
    """Purge ``pages`` and what shows them (see ``urls_to_purge``), and the frame every
    page shares (``home.frame``: a page may be in the menu or the footer)."""
    frame.renew()
    purge_urls(urls_to_purge(pages))


def purge_page_only(pages):
    """Purge ``pages`` in every language, not their listings: after a change that only
    their own page shows (a pickup slot filled)."""
    keys = {page.translation_key for page in pages}
    versions = Page.objects.filter(translation_key__in=keys).specific()
    purge_urls(url for page in versions for url in page_urls(page))


def purge_everything():
    """Every page of every site, once the transaction commits: after a change to what
    every page shows (the footer, the site's settings, a category's name)."""
    frame.renew()
    transaction.on_commit(_purge_everything_now)


def _purge_everything_now():
    _renew_tokens(["site"])
    backends = get_backends()
    for backend in backends.values():
        purge_all = getattr(backend, "purge_all", None)
        if purge_all is not None:
            purge_all()
        else:  # a CDN without "purge everything": every page's URLs
            backend.purge_batch(
                [url for page in Page.objects.live().specific() for url in page_urls(page)]
            )


def purge_everything_on_change(*models):
    """Purge every page when an object of ``models`` (shown on every page, or on
    thousands: snippets, settings) is saved or deleted."""
    for model in models:
        post_save.connect(_everything_changed, sender=model, dispatch_uid=f"purge:{model}")
        post_delete.connect(_everything_changed, sender=model, dispatch_uid=f"purge-d:{model}")


def _everything_changed(sender, **kwargs):
    if kwargs.get("raw"):
        return
    purge_everything()


def _renew_tokens(names):
    try:
        _cache().set_many(
            {_token_key(name): uuid.uuid4().hex for name in set(names)}, timeout=None
        )
    except Exception:  # noqa: BLE001
        logger.exception("Page cache unavailable: could not purge %s.", sorted(set(names)))


def follow_publication(batch):
    """Publication step: purge what the published (or withdrawn) pages change."""
    purge_pages(batch.pages)


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purger, plus "purge everything" for ``deploy/varnish/site.vcl``:
    a ``BAN`` request, which the VCL accepts from the app servers only, bans every
    object of the host."""

    def purge_all(self):
        for hostname in _site_hostnames():
            request = Request(  # noqa: S310 - the configured cache's address (http/https)
                url=f"{self.cache_scheme}://{self.cache_netloc}/",
                method="BAN",
                headers={"Host": hostname, "User-Agent": "site_cms"},
            )
            try:
                urlopen(request, timeout=10)  # noqa: S310 - the configured cache's address
            except (HTTPError, URLError) as error:
                logger.error("Could not ban %s from the frontend cache: %s", hostname, error)


def _site_hostnames():
    hostnames = set()
    for site in Site.objects.all():
        root = urlsplit(site.root_url)
        hostnames.add(root.netloc)
    return sorted(hostnames)


def connect_tree_changes():
    """Moves and deletions change URLs and listings without a publication: a moved
    page takes its subtree's addresses with it (purge everything: moves to another
    parent are rare), a re-ordered one changes its listings, a deleted live page
    leaves its listings."""
    post_page_move.connect(_page_moved, dispatch_uid="page_cache_move")
    pre_delete.connect(_page_deleted, sender=Page, dispatch_uid="page_cache_delete")


def _page_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    if url_path_before is not None and url_path_before == url_path_after:
        # Re-ordered among its siblings (a merchant's offers): no address changed, only
        # the listings showing the page in its parent's order.
        purge_pages([instance.specific])
        return
    purge_everything()


def _page_deleted(sender, instance, **kwargs):
    if instance.live and instance.depth > 1:
        purge_pages([instance.specific])
