"""Page serving benchmark: time to render the main pages, in process, on a fresh database.

Usage: .venv/bin/python bench/pages.py [--requests 200] [--database-url URL]

Builds a throwaway database (SQLite in a temporary folder unless --database-url is
given), loads the demo, then requests each page through Django's test client and
prints p50/p95 latency and the number of queries per page. Figures depend on the
machine; compare runs made on the same one.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Every page type residents open; an article and an interview are found in the demo.
URLS = [
    "/",
    "/en/",
    "/soutien-aux-entreprises/",
    "/commerces/",
    "/commerces/?categorie=alimentation&ouvert=1",
    "/commerces/?vue=carte",
    "/commerces/boulangerie-du-quai/",
    "/en/shops/boulangerie-du-quai/",
    "/actualites/",
    "/agenda/",
    "/offres/",
    "/recherche/?q=pain",
    "/sitemap.xml",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--database-url")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="site_cms-bench-")
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cms.settings.test")
    warnings.filterwarnings("ignore", message="No directory at")  # static files not collected

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client()

    from news.models import InterviewPage, NewsPage

    urls = [*URLS]
    for model in (NewsPage, InterviewPage):
        article = model.objects.live().filter(locale__language_code="fr").first()
        urls.append(article.url)

    print(f"database: {connection.vendor}, {args.requests} requests per page")
    print(f"{'page':48} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for url in urls:
        client.get(url)  # first request fills caches and image renditions
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
        p50 = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[18]
        print(f"{url[:48]:48} {p50:8.1f} {p95:8.1f} {len(queries):8d}")


if __name__ == "__main__":
    main()
