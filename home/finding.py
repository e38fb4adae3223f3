"""How a visitor finds things from any page: the site's search box (in the header and
on the home page) and the home page's shortcuts (the directory, the search page).

The foundation draws them; feature apps say where they lead from their
``AppConfig.ready()``::

    from home import finding

    finding.register_search(search_box)         # request -> SearchBox or None
    finding.register_shortcut("directory", directory_link, order=10)  # request -> Shortcut

Each resolver's answer is kept with the frame every page shares (``home.frame``): it is
computed again only after a page or what every page shows changes.
"""

from dataclasses import dataclass

from home import frame

_search = []
_shortcuts = {}


@dataclass(frozen=True)
class SearchBox:
    """Where the header's search form is sent (``action``) and where its autocomplete
    asks for suggestions (``autocomplete_url``; "" for none)."""

    action: str
    autocomplete_url: str = ""
    is_current: bool = False  # on the search page itself, which has its own box


@dataclass(frozen=True)
class Shortcut:
    label: str
    url: str
    description: str = ""


def register_search(resolver):
    """``resolver(request)`` gives the site's ``SearchBox``, or None (no search page in
    this language). The last registration wins: a site has one search."""
    _search[:] = [resolver]


def register_shortcut(name, resolver, order=100):
    """``resolver(request)`` gives a ``Shortcut`` shown on the home page, or None."""
    _shortcuts[name] = (order, resolver)


def _cached(request, key, compute):
    # Where the box and the shortcuts lead depends on the site and the language only.
    return frame.remember(request, f"finding:{key}", compute)


def search_box(request, page=None):
    """The site's ``SearchBox`` for this request (None without a search page)."""
    if not _search or request is None:
        return None
    box = _cached(request, "search", lambda: _search[0](request))
    if box is not None and page is not None and box.action == page.get_url(request):
        return SearchBox(box.action, box.autocomplete_url, is_current=True)
    return box


def shortcuts(request):
    """The home page's ``Shortcut`` list, in registration order."""
    if request is None:
        return []

    def compute():
        found = (
            resolver(request)
            for _order, resolver in sorted(_shortcuts.values(), key=lambda item: item[0])
        )
        return [shortcut for shortcut in found if shortcut is not None]

    return _cached(request, "shortcuts", compute)
