"""What every page shows around its content, built once per site and language and
kept in Django's cache until it changes: the main menu, the footer, the site's
settings, the search box's address and the home page's shortcuts.

Building it costs about eight queries (the home page in the visitor's language, its
menu children, view restrictions, the footer and its links, the settings, the search
page); reading it costs one, the version of the frame (``FrameVersion``), which
``renew`` changes in the transaction of every page publication, withdrawal, move or
deletion (``home.caching.purge_pages``) and of every change to what every page shows
(``home.caching.purge_everything``), and again once it commits. Entries are keyed by
that version, so a change is seen by every app server at once and an entry is never
read again once stale.

Parts are named and built by whoever draws them::

    menu = frame.remember(request, "menu", lambda: build_menu(request))

``compute`` must depend only on the request's site and active language, and return
something picklable (plain data, or model instances without the request).
"""

import logging
import uuid

from django.core.cache import caches
from django.db import connection, transaction
from django.utils import translation
from wagtail.models import Site

from home.models.frame import FrameVersion

logger = logging.getLogger(__name__)

CACHE_ALIAS = "default"
KEY_PREFIX = "site-frame"
# Entries under an old version are never read again; they leave the cache after this.
LIFETIME_SECONDS = 24 * 3600
_MISSING = object()


def version():
    """The frame's current version (created on first use)."""
    token = FrameVersion.objects.values_list("token", flat=True).first()
    if token is None:
        token = FrameVersion.objects.create().token
    return token.hex


def renew():
    """A new version: every part is built again on its next use. Called in the
    transaction of the change: renewed there (the change's own requests, and tests,
    see it at once; a rollback takes it back) and again once it commits.

    Inside the transaction the row is renewed only if no other transaction holds it:
    waiting for it there, with the change's pages locked, could deadlock with a
    transaction that holds it and wants those pages (a page and its translation
    published at once). The renewal after the commit holds no other lock, and makes
    sure the version changes after the change is visible."""
    if connection.in_atomic_block and connection.features.has_select_for_update:
        row = FrameVersion.objects.select_for_update(skip_locked=True).only("pk").first()
        if row is not None:
            FrameVersion.objects.filter(pk=row.pk).update(token=uuid.uuid4())
        elif not FrameVersion.objects.exists():
            FrameVersion.objects.create()
    else:
        _renew_row()
    transaction.on_commit(_renew_row)


def _renew_row():
    if not FrameVersion.objects.update(token=uuid.uuid4()):
        FrameVersion.objects.create()


# The parts' names this process has drawn: the first part a request asks for fetches
# them all in one cache call (``get_many``), instead of one round trip per part.
_names = set()


def remember(request, name, compute):
    """``compute()``'s answer for ``request``'s site and language, from the cache while
    the frame's version lasts (and once per request in any case)."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_site_cms_frame", {})
    language = translation.get_language()
    if (name, language) in memo:
        return memo[(name, language)]
    _names.add(name)
    prefix = _prefix(request, language, memo)
    value = _MISSING
    if prefix is not None:
        fetched = memo.get(("fetched", language))
        if fetched is None or name not in fetched:
            fetched = memo[("fetched", language)] = _get_many(prefix, _names)
        value = fetched.get(name, _MISSING)
    if value is _MISSING:
        value = compute()
        if prefix is not None:
            _set(f"{prefix}:{name}", value)
    memo[(name, language)] = value
    return value


def _prefix(request, language, memo):
    if "version" not in memo:
        memo["version"] = version()
    site = Site.find_for_request(request)
    if site is None:
        return None
    return f"{KEY_PREFIX}:{memo['version']}:{site.pk}:{language}"


def _get_many(prefix, names):
    """``{name: value}`` of the parts found in the cache, in one call."""
    keys = {f"{prefix}:{name}": name for name in names}
    try:
        found = caches[CACHE_ALIAS].get_many(list(keys))
    except Exception:  # noqa: BLE001 - the cache down: build the frame instead
        logger.warning("Cache unavailable: the page frame is built again.", exc_info=True)
        return {}
    # Fetched names the cache lacks are marked, so that they are not asked for again.
    return {name: found.get(key, _MISSING) for key, name in keys.items()}


def _set(key, value):
    try:
        caches[CACHE_ALIAS].set(key, value, LIFETIME_SECONDS)
    except Exception:  # noqa: BLE001
        logger.warning("Cache unavailable: the page frame is not kept.", exc_info=True)
