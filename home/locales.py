"""The active language's Wagtail locale, looked up once per request.

``Page.localized`` and ``Locale.get_active()`` query the locale table on every call;
a page with a dozen internal links would repeat that query a dozen times.
"""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from home import frame


def active_locale(request=None):
    """The Locale of the active language (cached on ``request`` when one is given)."""
    language = translation.get_language()
    cache = getattr(request, "_site_cms_locales", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._site_cms_locales = cache
    if language not in cache:
        if request is None:
            cache[language] = _locale_of(language)
        else:  # kept with the frame every page shares
            cache[language] = frame.remember(request, "locale", lambda: _locale_of(language))
    return cache[language]


def _locale_of(language):
    return Locale.objects.filter(language_code=language).first()


def localized(page, request=None):
    """``page`` in the active language when a live translation exists, else ``page``.

    Same contract as ``Page.localized``, with the locale lookup cached per request.
    """
    locale = active_locale(request)
    if page is None or locale is None or page.locale_id == locale.pk:
        return page
    return page.get_translations().live().filter(locale=locale).first() or page


def is_source(obj):
    """Whether ``obj`` (a page or a translatable snippet) is in the default language,
    the one translations are made from."""
    return obj.locale_id == Locale.get_default().pk


def source_version(obj, queryset=None):
    """The version of ``obj`` in the default language (which translations are made
    from), read from ``queryset`` (default: all of its model), or None. One query."""
    queryset = type(obj)._default_manager.all() if queryset is None else queryset
    return queryset.filter(
        translation_key=obj.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()


def in_locale(objects, locale_id, queryset=None):
    """``objects`` (translatable pages or snippets, one model) each in the locale
    ``locale_id`` when translated, else as they are: one query for those in another
    locale, none when all are in it already. ``queryset`` says how to load the
    translations (``select_related``...)."""
    objects = list(objects)
    foreign = [obj.translation_key for obj in objects if obj.locale_id != locale_id]
    if not foreign:
        return objects
    queryset = type(objects[0])._default_manager.all() if queryset is None else queryset
    translations = translations_by_key(
        queryset.filter(translation_key__in=foreign, locale_id=locale_id)
    )
    return [translations.get(obj.translation_key, obj) for obj in objects]


def translations_by_key(objects):
    """``{translation key: object}`` of ``objects`` (one locale), for listings that show
    many objects' translations with a single query."""
    return {obj.translation_key: obj for obj in objects}
