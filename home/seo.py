"""What a page tells search engines and social networks: its description, its
canonical address and the card shown when it is shared (``{% page_metadata %}``).

Page types say what describes them (``BasePage.description_text``,
``BasePage.social_card_image``, ``BasePage.og_type``); listings say which query
parameters change their content (the ``canonical_params`` context variable), so that
``/commerces/?page=2&categorie=boulangerie`` is its own canonical page while
``?utm_source=…`` or an unknown parameter points back at the page without it.
"""

import re
from urllib.parse import urlencode, urlsplit

from django.utils.html import strip_tags

DESCRIPTION_LENGTH = 160
_SPACES = re.compile(r"\s+")


def truncate_description(text, length=DESCRIPTION_LENGTH):
    """``text`` as one line of at most ``length`` characters, cut at a word boundary
    with an ellipsis when it is longer (HTML tags removed; the template escapes it)."""
    text = _SPACES.sub(" ", strip_tags(str(text or ""))).strip()
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut and not text[length - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–—-") + "…"


def page_path(page, request):
    """The path part of ``page``'s address."""
    return urlsplit(page.get_url(request) or "").path


def canonical_url(page, request, params=()):
    """The absolute address of what ``request`` shows of ``page``: its route (a topic of
    the news listing) and ``params``, the query parameters that change the content, in
    the order given. Anything else in the query string is left out."""
    base = page.get_full_url(request)
    if not base:
        return ""
    own_path = page_path(page, request)
    suffix = ""
    if own_path and request.path.startswith(own_path):
        suffix = request.path[len(own_path) :]
    query = urlencode([(name, value) for name, value in params if value not in ("", None)])
    return base + suffix + (f"?{query}" if query else "")


def pagination_params(context):
    """The page number of a listing drawn with ``home.pagination``, past the first."""
    pagination = context.get("pagination")
    current = getattr(pagination, "current", 1)
    return [("page", current)] if current and current > 1 else []
