"""Page addresses in plain ASCII: "Un chèque cadeau" is ``/un-cheque-cadeau/``.

People read these addresses aloud, print them and type them; an accented slug becomes
``un-ch%C3%A8que-…`` as soon as it is copied. ``WAGTAIL_ALLOW_UNICODE_SLUGS = False``
makes the admin (its slug field and the slug it proposes from the title) and
``Page.full_clean`` write ASCII slugs; ``BasePage.clean`` refuses an accented slug that
reaches the model some other way (a translator's slug in wagtail-localize).

Pages saved before that keep their accented slug until ``ascii_slugs`` (this module's
``convert_page_slugs``) gives them the ASCII one; Wagtail's redirects app then sends the
old address to the new one, as it does for any slug change.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page

from home.caching import purge_everything


def unicode_slugs_allowed():
    return getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)


def ascii_slug(text):
    """``text`` as an ASCII slug ("fêtes-de-Noël" → "fetes-de-noel"); "" if nothing of it
    is Latin (a title in another script)."""
    return slugify(text or "")


@dataclass(frozen=True)
class SlugChange:
    page_id: int
    old: str
    new: str
    live: bool


def pages_with_unicode_slugs():
    """Pages whose slug is not plain ASCII (the root and the site roots included)."""
    # ASCII slugs match [-a-zA-Z0-9_]; anything else in a slug is a letter of another
    # alphabet or an accented one (Wagtail's unicode slugs allow only letters, digits,
    # "-" and "_").
    return Page.objects.filter(slug__regex=r"[^-a-zA-Z0-9_]")


def _unused_slug(page, base):
    parent = page.get_parent()
    slug, number = base, 1
    while not Page._slug_is_available(slug, parent, page):
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def convert_page_slug(page):
    """Give ``page`` (specific) the ASCII form of its slug; return the ``SlugChange``.

    The page's row gets the new slug, which moves its address and its descendants'
    (``Page.save``), and Wagtail's redirects app records the old addresses once the
    transaction commits (``page_slug_changed``). Its revisions get the new slug too, so
    that publishing a pending draft or reverting to an old version does not bring the
    accented address back.
    """
    old = page.slug
    new = _unused_slug(page, ascii_slug(old) or f"page-{page.pk}")
    page.slug = new
    # Only the address: the row of a live page with pending changes must stay the live
    # version (and is not validated again: an old page may miss a field added since).
    page.save(clean=False, update_fields=["slug", "url_path"])
    for revision in page.revisions.all():
        if revision.content.get("slug") == old:
            revision.content["slug"] = new
            revision.save(update_fields=["content"])
    return SlugChange(page.pk, old, new, page.live)


def convert_page_slugs(dry_run=False):
    """Convert every accented slug; return the ``SlugChange`` list.

    Children before their parents: the redirect recorded for a child then starts from
    its whole old address (accented parent and child), and the parent's redirects
    cover its descendants' addresses under the old parent slug.
    """
    changes = []
    for page in pages_with_unicode_slugs().order_by("-depth", "path").specific():
        if page.is_root():
            continue
        if dry_run:
            proposed = ascii_slug(page.slug) or f"page-{page.pk}"
            changes.append(SlugChange(page.pk, page.slug, proposed, page.live))
        else:
            changes.append(convert_page_slug(page))
    if changes and not dry_run:
        # The shared copies of the old addresses would keep answering with the pages
        # instead of the redirects, and listings link to the old addresses.
        purge_everything()
    return changes
