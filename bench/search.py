"""Search benchmark: indexing time and query latency at 10,000 or 100,000 merchants.

Usage:
    .venv/bin/python bench/search.py [--merchants 10000] [--repeat 30]
        [--offers-per-merchant 10] [--database-url URL]
        [--search-url opensearch://127.0.0.1:9200]

With --offers-per-merchant, each fictional merchant gets that many offers (products,
promotions and services of its trade), indexed as well: 10,000 × 10 is the offers
issue's 100,000 offers. Product queries ("product" class) are measured then.

Builds a throwaway database (SQLite in a temporary folder unless --database-url is
given; PostgreSQL needs an empty database), loads the demo, then adds fictional
merchants under the demo directory. Pages are inserted by ``home.bulk_pages``
without revisions or log entries (search does not read them), then indexed through
each configured backend's bulk indexing, timed. With --search-url, OpenSearch is
indexed and measured too, beside the database backend.

For each query it prints p50/p95 of ``site_search`` (ranked page of 10 and the total)
without and with facet counts, and of the JSON API request. "commerce" is in every
merchant's text: the worst case for ranking. Queries come in classes (common words,
rare words, English words, typos), each class's worst p95 printed at the end. Figures
depend on the machine.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# (class, query): common words (in thousands of pages), rare words (a few dozen),
# English words over the French pages (the commerce vocabulary), typos.
QUERIES = [
    ("common", "boulangerie"),
    ("common", "fromages"),
    ("common", "epicerie bio"),
    ("common", "boulangerie tain"),
    ("common", "click and collect tournon"),
    ("common", "reparation velo"),
    ("common", "restaurant ouvert dimanche"),
    ("common", "produits locaux"),
    ("common", "commerce"),
    ("rare", "picodons"),
    ("rare", "levain"),
    ("rare", "bandes dessinees"),
    ("rare", "où acheter des tommes"),
    ("english", "bakery"),
    ("english", "cheese"),
    ("english", "wine shop"),
    ("english", "bike repair"),
    ("english", "meat"),
    ("typo", "boulangrie"),
    ("typo", "voulangerie"),
    ("typo", "fromagrie"),
    ("typo", "librarie"),
    ("typo", "boucheire"),
    ("product", "galette des rois"),
    ("product", "picodon"),
    ("product", "bouquet fete des meres"),
    ("product", "velo electrique occasion"),
    ("product", "promotion"),
    ("product", "colis de viande"),
]
# What each trade offers in the benchmark (words of the product queries among them).
PRODUCTS = {
    "bakery": ["Galette des rois", "Pain de seigle", "Pogne", "Fougasse"],
    "cheese": ["Picodon", "Tomme fermière", "Plateau de fromages", "Faisselle"],
    "organic": ["Panier de légumes", "Miel de lavande", "Huile d'olive", "Lentilles vertes"],
    "wine": ["Crozes-Hermitage", "Saint-Joseph", "Bière blonde", "Coffret découverte"],
    "restaurant": ["Menu du jour", "Plat à emporter", "Brunch", "Dessert maison"],
    "florist": ["Bouquet de saison", "Bouquet fête des mères", "Orchidée", "Composition"],
    "bike": ["Vélo électrique d'occasion", "Révision vélo", "Chambre à air", "Antivol"],
    "hair": ["Coupe femme", "Coupe homme", "Couleur végétale", "Brushing"],
    "books": ["Bande dessinée", "Roman policier", "Album jeunesse", "Carte cadeau"],
    "butcher": ["Colis de viande", "Caillettes", "Saucisses aux herbes", "Rôti de veau"],
}
KINDS = {
    "bakery": ("Boulangerie", "pains au levain, baguettes et viennoiseries"),
    "cheese": ("Fromagerie", "fromages affinés, picodons et tommes"),
    "organic": ("Épicerie bio", "produits biologiques en vrac, fruits et légumes"),
    "wine": ("Cave", "vins de la vallée du Rhône et bières artisanales"),
    "restaurant": ("Restaurant", "cuisine de saison et menu du jour"),
    "florist": ("Fleurs", "bouquets de saison et plantes"),
    "bike": ("Cycles", "réparation et entretien de vélos"),
    "hair": ("Salon", "coiffure femme et homme"),
    "books": ("Librairie", "romans, bandes dessinées et livres jeunesse"),
    "butcher": ("Boucherie", "viandes et charcuterie maison"),
}
PLACES = ["du Quai", "des Collines", "du Vivarais", "de la Halle", "des Vignes", "du Pont",
          "du Marché", "de la Place", "du Château", "des Deux Rives"]  # fmt: skip
HOURS = [
    "Tu-Sa 09:00-12:30,14:30-19:00; PH off",
    "Tu-Sa 12:00-14:00,19:00-22:00; Su 12:00-14:00",
    "Tu-Su 07:00-13:00; PH off",
    "Mo-Fr 08:00-18:00",
]
SERVICES = ["click_collect", "call_collect", "delivery", "pickup_appointment", "takeaway"]


def percentiles(timings):
    return statistics.median(timings), statistics.quantiles(timings, n=20)[18]


def build_merchants(first, count, categories, communes):
    from merchants.models import MerchantPage

    rng = random.Random(first)
    pages = []
    for number in range(first, first + count):
        kind = rng.choice(list(KINDS))
        label, products = KINDS[kind]
        commune = communes[number % len(communes)]
        page = MerchantPage(
            title=f"{label} {rng.choice(PLACES)} {number}",
            external_id=f"bench-search-{number:06d}",
            commune=commune,
            postcode=commune.postcode_list[0],
            description=f"{products.capitalize()}. Un commerce de proximité de {commune.name}, "
            "produits locaux et accueil chaleureux.",
            opening_hours=HOURS[number % len(HOURS)],
        )
        for service in rng.sample(SERVICES, rng.randint(0, 2)):
            setattr(page, f"offers_{service}", True)
        page.categories = [categories[kind]]
        page.bench_kind = kind
        pages.append(page)
    return pages


def build_offers(merchants, per_merchant):
    from decimal import Decimal

    from offers.models import OfferPage

    offers = []
    for merchant in merchants:
        kind = merchant.bench_kind  # set by build_merchants: the merchant's trade
        rng = random.Random(merchant.pk)
        for number in range(per_merchant):
            product = PRODUCTS[kind][number % len(PRODUCTS[kind])]
            promotion = number % 5 == 4
            offers.append(
                OfferPage(
                    title=f"{product} {number}" + (" : -20 %" if promotion else ""),
                    kind="promotion" if promotion else "produit",
                    description=f"{product}, préparé par {merchant.title}.",
                    price_mode="fixe",
                    price=Decimal(rng.randint(150, 9000)) / 100,
                    availability="en_stock",
                    merchant=merchant,
                )
            )
    return offers


def seed_offers(merchants, per_merchant):
    """``per_merchant`` offers below each merchant; return them."""
    from home import bulk_pages

    created = []
    with ExitStack() as stack:
        stack.enter_context(
            mock.patch.object(bulk_pages, "_revisions", lambda pages, *a: [None] * len(pages))
        )
        stack.enter_context(mock.patch.object(bulk_pages, "_log", lambda *a: None))
        stack.enter_context(mock.patch.object(bulk_pages, "_index", lambda pages, **k: None))
        for merchant in merchants:
            created += bulk_pages.create_child_pages(
                merchant, build_offers([merchant], per_merchant)
            )
    return created


def seed(count):
    """Insert ``count`` merchants; return them (indexing is done and timed apart)."""
    from home import bulk_pages
    from merchants.demo.categories import CATEGORIES
    from merchants.models import Category, Commune, MerchantIndexPage
    from merchants.open_periods import refresh_open_periods

    directory = MerchantIndexPage.objects.get(locale__language_code="fr")
    slugs = {key: slug for _k, _n, _e, _s, _st, _t, children in CATEGORIES
             for key, _n2, _e2, slug, _s2, _t2 in children}  # fmt: skip
    categories = {key: Category.objects.get(slug=slug, locale__language_code="fr")
                  for key, slug in slugs.items() if key in KINDS}  # fmt: skip
    communes = list(Commune.objects.all())
    created = []
    with ExitStack() as stack:
        # Revisions and log entries cost most of an import and no search reads them.
        stack.enter_context(
            mock.patch.object(bulk_pages, "_revisions", lambda pages, *a: [None] * len(pages))
        )
        stack.enter_context(mock.patch.object(bulk_pages, "_log", lambda *a: None))
        stack.enter_context(mock.patch.object(bulk_pages, "_index", lambda pages, **k: None))
        for offset in range(0, count, 5000):
            batch = build_merchants(offset, min(5000, count - offset), categories, communes)
            created += bulk_pages.create_child_pages(directory, batch)
    refresh_open_periods(created)
    return created


def index(backend, pages):
    model = type(pages[0])
    start = time.perf_counter()
    ids = [page.pk for page in pages]
    for offset in range(0, len(ids), 1000):
        chunk = list(model.get_indexed_objects().filter(pk__in=ids[offset : offset + 1000]))
        backend.add_bulk(model, chunk)
    backend.refresh_indexes()
    finish = getattr(backend.rebuilder_class(backend.get_index_for_model(model)), "finish", None)
    if backend.__module__.endswith("sqlite") and finish:
        finish()  # merge FTS segments, as update_index does
    return time.perf_counter() - start


def measure(name, backend, repeat, client, language_params):
    from wagtail.models import Site

    from merchants.models import Commune
    from search.query import plan_query
    from search.scope import SearchScope

    communes = list(Commune.objects.all())
    site = Site.objects.get(is_default_site=True)
    print(f"\n{name}: {type(backend).__module__}")
    print(f"{'class':8} {'query':28} {'results':>7} {'p50 ms':>7} {'p95 ms':>7}", end=" ")
    print(f"{'+facets p95':>11} {'API p95':>8}")
    worst = {}
    for query_class, query in QUERIES:
        plan = plan_query(query, communes)
        scope = SearchScope.for_site(site, "fr")
        result = backend.site_search(plan, scope, 0, 10, with_facets=False)
        timings, facet_timings, api_timings = [], [], []
        for _ in range(repeat):
            start = time.perf_counter()
            backend.site_search(plan, SearchScope.for_site(site, "fr"), 0, 10, with_facets=False)
            timings.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            backend.site_search(plan, SearchScope.for_site(site, "fr"), 0, 10, with_facets=True)
            facet_timings.append((time.perf_counter() - start) * 1000)
            if language_params is not None:
                start = time.perf_counter()
                client.get("/api/search/", {"q": query, **language_params})
                api_timings.append((time.perf_counter() - start) * 1000)
        p50, p95 = percentiles(timings)
        worst[query_class] = max(worst.get(query_class, 0.0), p95)
        api = f"{percentiles(api_timings)[1]:8.1f}" if api_timings else f"{'-':>8}"
        facets = percentiles(facet_timings)[1]
        print(
            f"{query_class:8} {query:28} {result.total:7d} {p50:7.1f} {p95:7.1f} "
            f"{facets:11.1f} {api}"
        )
    for query_class, p95 in worst.items():
        print(f"{'worst p95 (search), ' + query_class:37} {'':7} {'':7} {p95:7.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--merchants", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--offers-per-merchant", type=int, default=0)
    parser.add_argument("--database-url")
    parser.add_argument("--search-url", default="")
    parser.add_argument("--measure-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if not args.measure_only:
        workdir = tempfile.mkdtemp(prefix="site_cms-bench-search-")
        os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir}/bench.sqlite3"
        os.environ["MEDIA_ROOT"] = f"{workdir}/media"
        os.environ["SEARCH_URL"] = args.search_url
        os.environ.setdefault("SEARCH_INDEX_PREFIX", "site_cms_bench_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cms.settings.test")
    warnings.filterwarnings("ignore", message="No directory at")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from modelsearch.backends import get_search_backend

    from search.backends.engine import has_fallback

    names = ["database", "default"] if has_fallback() else ["default"]
    if args.measure_only:
        client = Client()
        for name in names:
            # The API goes through the engine in use: measure it with the default.
            api = {"lang": "fr"} if name == "default" else None
            measure(name, get_search_backend(name), args.repeat, client, api)
        return

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    if has_fallback():
        call_command("update_index", backend_name="default", verbosity=0)
    start = time.perf_counter()
    pages = seed(args.merchants)
    seconds = time.perf_counter() - start
    print(
        f"database: {connection.vendor}; {args.merchants} merchants inserted in {seconds:.1f} s "
        "(pages and categories, no revisions)"
    )
    if connection.vendor == "postgresql":
        # What autovacuum does shortly after a bulk load; without it the planner
        # guesses the sizes of fresh tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    offers = []
    if args.offers_per_merchant:
        start = time.perf_counter()
        offers = seed_offers(pages, args.offers_per_merchant)
        seconds = time.perf_counter() - start
        print(f"{len(offers)} offers inserted in {seconds:.1f} s (pages, no revisions)")
    for name in names:
        seconds = index(get_search_backend(name), pages)
        rate = args.merchants / seconds
        print(f"indexing {args.merchants} merchants, {name!r}: {seconds:.1f} s ({rate:.0f}/s)")
        if offers:
            seconds = index(get_search_backend(name), offers)
            rate = len(offers) / seconds
            print(f"indexing {len(offers)} offers, {name!r}: {seconds:.1f} s ({rate:.0f}/s)")
    if connection.vendor == "postgresql":
        # Also merges the GIN index's pending list, which autovacuum does minutes
        # after a bulk load; until then every search scans it.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    connection.close()
    sys.stdout.flush()
    # Measured in a fresh process, like a web server's: the one that has just built
    # thousands of pages runs every query several times slower.
    subprocess.run(  # noqa: S603
        [sys.executable, __file__, "--measure-only", "--repeat", str(args.repeat)],
        check=True,
        env=os.environ,
    )


if __name__ == "__main__":
    main()
