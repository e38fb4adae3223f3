"""Shops not translated yet, shown on the other languages' directories.

Most shops write in French only. An English visitor still reads them on English pages
(``/en/shops/<French slug>/``): the interface, hours, services, categories, address
and booking in English, the merchant's own words in French, marked as such
(``lang="fr"`` and "Description available in French only"). The French page stays the
canonical address; this view is served by the English directory's ``route`` and purged
with the French page (``MerchantPage.also_served_at``).
"""

from django.conf import settings
from wagtail.models import Locale

from merchants.models import MerchantIndexPage, MerchantPage


def untranslated_merchant(directory, slug):
    """The live French shop ``slug`` of the directory ``directory`` translates, when
    it has no live translation in ``directory``'s language; else None."""
    if directory.locale.language_code == settings.LANGUAGE_CODE:
        return None
    source = directory.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE)
    source = source.first()
    if source is None:
        return None
    merchant = (
        MerchantPage.objects.child_of(source)
        .live()
        .public()
        .filter(slug=slug)
        .select_related("commune", "locale")
        .first()
    )
    if merchant is None:
        return None
    if (
        MerchantPage.objects.live()
        .filter(translation_key=merchant.translation_key, locale=directory.locale)
        .exists()
    ):
        return None
    return merchant


def directories_without_translation(merchant):
    """``{language code: directory}`` of the live directories in other languages where
    ``merchant`` (a French page) has no live translation."""
    if merchant.locale.language_code != settings.LANGUAGE_CODE:
        return {}
    parent = merchant.get_parent()
    translated = set(
        MerchantPage.objects.live()
        .filter(translation_key=merchant.translation_key)
        .values_list("locale_id", flat=True)
    )
    directories = (
        MerchantIndexPage.objects.live()
        .filter(translation_key=parent.translation_key)
        .exclude(locale_id__in=translated)
        .select_related("locale")
    )
    return {directory.locale.language_code: directory for directory in directories}


def view_url(merchant, directory, request=None):
    return f"{directory.get_url(request)}{merchant.slug}/"


def view_locale(language_code):
    return Locale.objects.filter(language_code=language_code).first()
