"""Merchant import benchmark: time to import 10,000 merchants, then to re-import them.

Usage: .venv/bin/python bench/import_merchants.py [--rows 10000] [--database-url URL]

Builds a throwaway database (SQLite in a temporary folder unless --database-url is
given; PostgreSQL needs an empty database), loads the demo, writes a CSV file of
fictional merchants spread over the agglomeration's communes, then runs
``import_merchants`` three times and prints the wall-clock time of each:

1. the first import (every merchant created and published);
2. the same file again (nothing changes: no revision is written);
3. the file with new opening hours for every merchant (every merchant updated).

It then checks that the page tree is consistent (``Page.find_problems``) and that the
directory lists every merchant. Figures depend on the machine; compare runs made on
the same one.
"""

import argparse
import csv
import io
import os
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WORDS = ["Boulangerie", "Épicerie", "Cave", "Atelier", "Maison", "Comptoir", "Boutique"]
PLACES = ["du Quai", "des Collines", "du Vivarais", "de la Halle", "des Vignes", "du Pont"]
CATEGORIES = ["Boulangerie-pâtisserie", "Fromagerie", "Caviste", "Restaurant", "Fleuriste"]
HOURS = [
    "Tu-Sa 09:00-12:30,14:30-19:00; PH off",
    "Mo-Fr 08:00-18:00; Sa 08:00-12:00",
    "Tu-Su 07:00-13:00; PH off",
    "We-Su 18:00-22:30",
]
SERVICES = ["click_collect", "call_collect", "delivery", "pickup_appointment", "takeaway"]


def write_rows(path, count, communes, hours_shift=0):
    rng = random.Random(42)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        # The import's columns are the export's (an export re-imports unchanged).
        from merchants.exports import COLUMNS

        writer.writerow(COLUMNS)
        for number in range(count):
            insee, postcode, latitude, longitude = communes[number % len(communes)]
            writer.writerow(
                [
                    f"bench-{number:05d}",
                    f"{rng.choice(WORDS)} {rng.choice(PLACES)} {number}",
                    ";".join(rng.sample(CATEGORIES, rng.randint(1, 2))),
                    insee,
                    f"{rng.randint(1, 80)} rue du Commerce",
                    postcode,
                    f"{latitude + rng.uniform(-0.004, 0.004):.6f}",
                    f"{longitude + rng.uniform(-0.006, 0.006):.6f}",
                    f"+334657{number % 100000:05d}",
                    f"contact{number}@commerce.example",
                    f"https://commerce-{number}.example/",
                    "Un commerce de proximité fictif, créé pour mesurer l'import.",
                    ";".join(rng.sample(SERVICES, rng.randint(0, 3))),
                    HOURS[(number + hours_shift) % len(HOURS)],
                    rng.choice(["yes", "partial", "no", "unknown"]),
                ]
            )


def timed_import(call_command, path):
    output = io.StringIO()
    start = time.perf_counter()
    call_command("import_merchants", str(path), stdout=output, stderr=output)
    return time.perf_counter() - start, output.getvalue().strip().splitlines()[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="site_cms-bench-import-"))
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cms.settings.test")
    warnings.filterwarnings("ignore", message="No directory at")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page

    from merchants.demo.communes import ARDECHE, DROME
    from merchants.models import MerchantPage

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    communes = [
        (code, postcodes.split(",")[0], lat, lon)
        for _n, code, postcodes, lat, lon in DROME + ARDECHE
    ]
    first, changed = workdir / "merchants.csv", workdir / "merchants-new-hours.csv"
    write_rows(first, args.rows, communes)
    write_rows(changed, args.rows, communes, hours_shift=1)

    print(
        f"database: {connection.vendor}, {args.rows} rows, file {first.stat().st_size // 1024} KB"
    )
    for label, path in [
        ("first import (create + publish)", first),
        ("same file again (no change)", first),
        ("new opening hours (update all)", changed),
    ]:
        seconds, summary = timed_import(call_command, path)
        print(f"{label:34} {seconds:7.1f} s   {summary}")

    problems = Page.find_problems()
    print("page tree problems:", "none" if not any(problems) else problems)
    live = MerchantPage.objects.live().count()
    response = Client().get("/commerces/?ouvert=1")
    print(f"live merchants: {live}; directory with 'open now' answered {response.status_code}")


if __name__ == "__main__":
    main()
