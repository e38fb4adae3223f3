"""Demo content of the merchant directory: the territory's communes, categories in
French and English, the directory page (translated) and 62 fictional merchants, ten of
them translated into English.

Idempotent: communes are found by INSEE code, categories by slug, the directory by
slug and merchants by their ``external_id`` ("demo-001"...); nothing that exists is
created or changed again.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from home.bulk_pages import create_child_pages
from home.demo.images import demo_image
from home.demo.localize import Glossary, translate
from home.models import HomePage
from merchants.models import (
    Category,
    Commune,
    Department,
    MerchantGalleryImage,
    MerchantIndexPage,
    MerchantPage,
    MerchantPlatformLink,
    MerchantSocialLink,
)
from merchants.open_periods import refresh_open_periods
from merchants.territory import COORDINATE_PLACES

from .categories import CATEGORIES
from .communes import ARDECHE, DROME
from .english import ENGLISH, TRANSLATED
from .images import logo_image
from .shops import DETAILS, HOURS, shops

PAYMENT_FLAGS = {
    "c": "accepts_cards",
    "q": "accepts_cheques",
    "m": "accepts_meal_vouchers",
    "l": "accepts_local_voucher",
}


def _communes():
    """Create the missing communes; return all of them by INSEE code."""
    existing = set(Commune.objects.values_list("insee_code", flat=True))
    missing = [
        Commune(
            name=name,
            # "tain-l-hermitage", not "tain-lhermitage".
            slug=slugify(name.replace("'", "-")),
            insee_code=code,
            postcodes=postcodes,
            department=department,
        )
        for department, communes in ((Department.DROME, DROME), (Department.ARDECHE, ARDECHE))
        for name, code, postcodes, _latitude, _longitude in communes
        if code not in existing
    ]
    for commune in missing:
        commune.save()  # one by one, so that the admin's search indexes them
    return {commune.insee_code: commune for commune in Commune.objects.all()}


def _category(g, fr, en, key, name, english, slug, english_slug, schema_type, parent=None):
    category = Category.objects.filter(locale=fr, slug=slug).first()
    name, slug = g.t(name, english), g.t(slug, english_slug)
    if category is None:
        category = Category.objects.create(
            locale=fr, name=name, slug=slug, schema_type=schema_type, parent=parent
        )
    if category.get_translation_or_none(en) is None:
        translate(category, en, g)
    return category


def _categories(g, fr, en):
    """Create the missing categories (parents first, then children) and their English
    versions; return the French ones by demo key."""
    categories = {}
    for key, name, english, slug, english_slug, schema_type, children in CATEGORIES:
        parent = _category(g, fr, en, key, name, english, slug, english_slug, schema_type)
        categories[key] = parent
        for child in children:
            child_key, child_name, child_english, child_slug, child_english_slug, child_type = (
                child
            )
            categories[child_key] = _category(
                g,
                fr,
                en,
                child_key,
                child_name,
                child_english,
                child_slug,
                child_english_slug,
                child_type,
                parent,
            )
    return categories


def _directory(g, home_fr, en):
    index = MerchantIndexPage(
        title=g.t("Commerces", "Shops"),
        show_in_menus=True,
        intro=g.t(
            "Boulangers, fromagers, cavistes, restaurateurs, artisans : trouvez les commerces "
            "des deux rives du Rhône, ce qu'ils proposent et quand ils sont ouverts.",
            "Bakers, cheesemongers, wine merchants, restaurants and craftspeople: find the "
            "shops on both banks of the Rhône, what they offer and when they are open.",
        ),
        listing_summary=g.t(
            "L'annuaire des commerces de proximité de l'agglomération.",
            "The directory of the agglomeration's local shops.",
        ),
    )
    slug = g.t("commerces", "shops")
    existing = home_fr.get_children().filter(slug=slug).first()
    if existing is None:
        index.slug = slug
        home_fr.add_child(instance=index)
        index.save_revision().publish()
    else:
        index = existing.specific
    if index.get_translation_or_none(en) is None:
        translate(index, en, g)
    return index


def _position(insee_code, name):
    """A point a few hundred metres from the commune's centre, the same on every run."""
    latitude, longitude = next(
        (lat, lon) for _n, code, _p, lat, lon in DROME + ARDECHE if code == insee_code
    )
    rng = random.Random(name)  # noqa: S311 - placing fictional shops, not security
    return (
        Decimal(str(latitude + rng.uniform(-0.004, 0.004))).quantize(COORDINATE_PLACES),
        Decimal(str(longitude + rng.uniform(-0.006, 0.006))).quantize(COORDINATE_PLACES),
    )


def _merchant(number, shop, communes, categories, today):
    name, category_keys, insee_code, address, hours, services, wheelchair, payments, text = shop
    details = DETAILS.get(name, {})
    commune = communes[insee_code]
    latitude, longitude = _position(insee_code, name)
    page = MerchantPage(
        title=name,
        external_id=f"demo-{number:03d}",
        commune=commune,
        street_address=address,
        postcode=commune.postcode_list[0],
        latitude=latitude,
        longitude=longitude,
        phone=f"+33465710{number:03d}",
        email=f"contact@{slugify(name)}.example" if number % 2 else "",
        website=f"https://{slugify(name)}.example/" if number % 3 == 0 else "",
        description=text,
        listing_summary=text[:300],
        body=details.get("body", ""),
        opening_hours=details.get("hours", HOURS[hours]),
        wheelchair=wheelchair,
        last_verified=today - datetime.timedelta(days=(number * 11) % 240),
        logo=logo_image(name, number) if number % 3 != 1 else None,
    )
    for service in services:
        setattr(page, f"offers_{service}", True)
    for letter, field in PAYMENT_FLAGS.items():
        setattr(page, field, letter in payments)
    if "closure" in details:
        first, last, message = details["closure"]
        page.closed_from = today + datetime.timedelta(days=first)
        page.closed_until = today + datetime.timedelta(days=last)
        page.closure_message = message
    page.categories = [categories[key] for key in category_keys]
    page.gallery_images = [
        MerchantGalleryImage(
            image=demo_image(title, sky="#f2d7b6", hills="#6b4f2a", river="#2c5f7a"),
            alt_text=alt_text,
        )
        for title, alt_text in details.get("gallery", [])
    ]
    page.social_links = [
        MerchantSocialLink(network=network, url=url) for network, url in details.get("social", [])
    ]
    page.platform_links = [
        MerchantPlatformLink(label=label, url=url) for label, url in details.get("platforms", [])
    ]
    return page


def _merchants(index, communes, categories):
    existing = set(MerchantPage.objects.child_of(index).values_list("external_id", flat=True))
    today = timezone.localdate()
    pages = [
        _merchant(number, shop, communes, categories, today)
        for number, shop in enumerate(shops(), start=1)
        if f"demo-{number:03d}" not in existing
    ]
    create_child_pages(index, pages)
    refresh_open_periods(pages)
    return len(pages)


def _english_merchants(g, en):
    """Translate the first ten merchants with the English texts of ``english``."""
    translated = 0
    for page in MerchantPage.objects.filter(
        external_id__in=TRANSLATED, locale__language_code="fr"
    ):
        if page.get_translation_or_none(en) is not None:
            continue
        g.t(page.title, page.title)  # shop names stay as they are
        g.t(page.slug, page.slug)
        for french, english in ENGLISH.items():
            g.t(french, english)
        translate(page, en, g)
        translated += 1
    return translated


@transaction.atomic
def load(stdout):
    """Communes, categories, the directory (French and English) and its merchants."""
    g = Glossary()
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    home_fr = HomePage.objects.get(locale=fr)
    communes = _communes()
    categories = _categories(g, fr, en)
    index = _directory(g, home_fr, en)
    created = _merchants(index, communes, categories)
    translated = _english_merchants(g, en)
    stdout.write(
        f"Directory: {len(communes)} communes, {len(categories)} categories, "
        f"{created} merchants created, {translated} translated into English."
    )
