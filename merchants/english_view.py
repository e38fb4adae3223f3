"""Shops not translated yet, shown on the other languages' directories.

Most shops write in French only. An English visitor still reads them on English pages
(``/en/shops/<French slug>/``): the interface, hours, services, categories, address
and booking in English, the merchant's own words in French, marked as such
(``lang="fr"`` and "Description available in French only"). The French page stays the
canonical address; this view is served by the English directory's ``route`` and purged
with the French page (``MerchantPage.also_served_at``).
"""

from django.conf import settings

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


def other_directories(merchant):
    """The live directories of the other languages, for ``merchant`` (a French page);
    none for a translation."""
    if merchant.locale.language_code != settings.LANGUAGE_CODE:
        return MerchantIndexPage.objects.none()
    return (
        MerchantIndexPage.objects.live()
        .filter(translation_key=merchant.get_parent().translation_key)
        .exclude(locale_id=merchant.locale_id)
        .select_related("locale")
    )


def directories_without_translation(merchant):
    """``{language code: directory}`` of the live directories in other languages where
    ``merchant`` (a French page) has no live translation."""
    translated = MerchantPage.objects.live().filter(translation_key=merchant.translation_key)
    directories = other_directories(merchant).exclude(locale_id__in=translated.values("locale_id"))
    return {directory.locale.language_code: directory for directory in directories}


def view_url(merchant, directory, request=None):
    return f"{directory.get_url(request)}{merchant.slug}/"
