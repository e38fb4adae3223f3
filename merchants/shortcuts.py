"""The home page's links to the directory and its map (``home.finding``)."""

from django.utils.translation import gettext as _

from home import finding
from home.locales import active_locale
from merchants.directory import PARAM_VIEW, VIEW_MAP
from merchants.models import MerchantIndexPage


def _directory_url(request):
    """The address of the directory in the visitor's language, cached per request."""
    cache = request.__dict__.setdefault("_site_cms_directory_url", {})
    locale = active_locale(request)
    if locale not in cache:
        page = (
            MerchantIndexPage.objects.live()
            .filter(locale=locale)
            .only("id", "path", "url_path", "locale_id")
            .first()
        )
        cache[locale] = page.get_url(request) if page is not None else None
    return cache[locale]


def directory_shortcut(request):
    url = _directory_url(request)
    if url is None:
        return None
    return finding.Shortcut(_("Annuaire des commerces"), url, _("Par commune, par métier"))


def map_shortcut(request):
    url = _directory_url(request)
    if url is None:
        return None
    return finding.Shortcut(
        _("Carte des commerces"),
        f"{url}?{PARAM_VIEW}={VIEW_MAP}",
        _("Les commerces près de chez vous"),
    )


def register():
    finding.register_shortcut("directory", directory_shortcut, order=10)
    finding.register_shortcut("map", map_shortcut, order=20)
