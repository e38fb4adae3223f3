"""The site's search box in every page's header and on the home page
(``home.finding``): it sends the query to the search page of the visitor's language."""

from django.urls import reverse
from django.utils.translation import gettext as _

from home import finding
from home.locales import active_locale
from search.models import SearchPage


def _search_page(request):
    return (
        SearchPage.objects.live()
        .filter(locale=active_locale(request))
        .only("id", "path", "url_path", "locale_id")
        .first()
    )


def search_box(request):
    page = _search_page(request)
    if page is None:
        return None
    return finding.SearchBox(
        action=page.get_url(request), autocomplete_url=reverse("search_autocomplete")
    )


def search_shortcut(request):
    box = finding.search_box(request)
    if box is None:
        return None
    return finding.Shortcut(_("Rechercher"), box.action, _("Commerces, actualités et entretiens"))


def register():
    finding.register_search(search_box)
    finding.register_shortcut("search", search_shortcut, order=30)
