"""Demo content of the search: the search page (French and English), a few searches
already made (for the "popular searches" block) and one promoted result.

Idempotent like the other demo loaders: nothing that exists is created again.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page

from home.demo.building import listing_page
from home.demo.localize import Glossary, translate
from home.models import HomePage
from search.editorial import normalised_terms
from search.models import SearchPage, SearchTerm

# (as typed, language, searches, of which without results)
SEARCHES = [
    ("boulangerie", "fr", 42, 0),
    ("fromages", "fr", 31, 0),
    ("épicerie bio", "fr", 24, 0),
    ("click and collect Tournon", "fr", 17, 0),
    ("réparation vélo", "fr", 12, 0),
    ("restaurant ouvert dimanche", "fr", 9, 0),
    ("marché de noël", "fr", 7, 0),
    ("fromagerie", "en", 5, 0),
    ("bakery", "en", 8, 0),
    ("pressing", "fr", 6, 6),
    ("cordonnier annonay", "fr", 3, 3),
]
PROMOTED_QUERY = "marché de noël"
PROMOTED_SLUG = "un-marche-de-noel-sur-les-deux-rives"


def _search_page(g, home):
    return listing_page(
        home,
        g,
        SearchPage,
        slug=("recherche", "search"),
        title=("Recherche", "Search"),
        intro=(
            "Commerces, produits, services, actualités : cherchez dans tout le site.",
            "Shops, products, services, news: search the whole site.",
        ),
        summary=(
            "Trouver un commerce, un service ou une actualité de l'agglomération.",
            "Find a shop, a service or news from the agglomeration.",
        ),
        # Not in the main menu: every page's header has the search box, which
        # leads here (and the menu keeps one row at 1280 px).
        in_menu=False,
    )


def _searches():
    today = timezone.localdate()
    for text, language, searches, empty in SEARCHES:
        SearchTerm.objects.get_or_create(
            terms=normalised_terms(text),
            language=language,
            date=today,
            defaults={"text": text, "searches": searches, "searches_without_results": empty},
        )


def _promotion():
    page = Page.objects.filter(slug=PROMOTED_SLUG, locale__language_code="fr").first()
    if page is None:
        return
    query = Query.get(PROMOTED_QUERY)
    SearchPromotion.objects.get_or_create(
        query=query,
        page=page,
        defaults={
            "sort_order": 0,
            "description": "Chalets, animations et producteurs des deux rives, trois week-ends "
            "de décembre.",
        },
    )


@transaction.atomic
def load(stdout):
    g = Glossary()
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale__language_code="fr")
    page, created = _search_page(g, home)
    if page.get_translation_or_none(en) is None:
        translate(page, en, g)
    _searches()
    _promotion()
    stdout.write("Search page ready." if created else "Search page present.")
