"""The active language's Wagtail locale, looked up once per request.

``Page.localized`` and ``Locale.get_active()`` query the locale table on every call;
a page with a dozen internal links would repeat that query a dozen times.
"""

from django.utils import translation
from wagtail.models import Locale


def active_locale(request=None):
    """The Locale of the active language (cached on ``request`` when one is given)."""
    language = translation.get_language()
    cache = getattr(request, "_site_cms_locales", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._site_cms_locales = cache
    if language not in cache:
        cache[language] = Locale.objects.filter(language_code=language).first()
    return cache[language]


def localized(page, request=None):
    """``page`` in the active language when a live translation exists, else ``page``.

    Same contract as ``Page.localized``, with the locale lookup cached per request.
    """
    locale = active_locale(request)
    if page is None or locale is None or page.locale_id == locale.pk:
        return page
    return page.get_translations().live().filter(locale=locale).first() or page
