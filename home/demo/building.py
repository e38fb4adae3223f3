"""Building blocks of the demo's pages: raw StreamField data and idempotent creation."""

import json
import uuid


def stream(blocks):
    """StreamField raw data from ``(block type, raw value)`` pairs (ids, not objects)."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def items(values):
    """ListBlock raw data in Wagtail's current format: each item carries its own id,
    which wagtail-localize needs to match translated items to their source."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def link(page=None, url=""):
    return {"page": page.pk if page else None, "url": url}


def listing_page(home, g, model, *, slug, title, intro, summary, in_menu=True):
    """A listing page of type ``model`` under the home page (the news, the agenda, the
    offers...), made once; ``slug``, ``title``, ``intro`` and ``summary`` are (French,
    English) pairs for the glossary ``g``. Returns (page, created) as ``child_page``."""
    return child_page(
        home,
        g.t(*slug),
        lambda: model(
            title=g.t(*title),
            show_in_menus=in_menu,
            intro=g.t(*intro),
            listing_summary=g.t(*summary),
        ),
    )


def child_page(parent, slug, build):
    """The child page with this slug, created and published if it is missing.

    ``build`` always runs, even for an existing page, so that its texts are registered
    in the glossary for a missing translation.
    """
    page = build()
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page.slug = slug
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True
