"""The restore drill: back up the demo site while it is written to (imports, bookings,
translations), restore into an empty database and media folder, and find the same
pages, revisions, merchants, bookings and media files, and the same pages served.

Runs on the database of the test run: SQLite (``make test``), PostgreSQL when
``DATABASE_URL`` names one (``pg_dump``/``pg_restore``); ``manage.py`` commands in
their own processes, as cron and an operator run them.
"""

import json
import re
import uuid

import pytest

from tests.standalone import is_postgres, postgres_admin, with_database

IMPORT = """
import io, json, tempfile
from django.core.management import call_command
rows = ["external_id,name,category,commune,address,postcode,description"]
rows += [f"drill-{n},Épicerie du Quai {n},Épicerie,26347,{n} quai Farconnet,26600,Produits locaux."
         for n in range(5)]
path = tempfile.mktemp(suffix=".csv")
open(path, "w", encoding="utf-8").write("\\n".join(rows) + "\\n")
out = io.StringIO()
call_command("import_merchants", path, stdout=out)
print(json.dumps(out.getvalue()))
"""

BOOK = """
import json
from django.utils import timezone
from merchants.collect import booking, slots
from merchants.models import MerchantPage
shop = MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr")
now = timezone.now()
made = []
for day in slots.upcoming_slots(shop, now):
    for slot in day.slots:
        request = booking.book(shop, slot.start, {"name": "Lou Garnier",
            "phone": "+33465712030", "email": "lou.garnier@exemple.example", "topic": ""},
            "fr", now)
        made.append(request.pk)
        if len(made) == 3:
            break
    if len(made) == 3:
        break
print(json.dumps(made))
"""

# Callback requests written for as long as the stop file is absent: the site is busy.
WRITE_WHILE_BACKING_UP = """
import os, time
from django.utils import timezone
from merchants.collect import booking
from merchants.models import MerchantPage
shop = MerchantPage.objects.get(external_id="demo-001", locale__language_code="fr")
deadline = time.monotonic() + 300
while not os.path.exists(os.environ["STOP_FILE"]) and time.monotonic() < deadline:
    booking.create_callback(shop, {"name": "Sacha Morel", "phone": "+33465712031",
        "email": "", "topic": "", "time_window": "morning"}, "fr", timezone.now())
print("{}")
"""

COUNTS = """
import json
from django.conf import settings
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from merchants.collect.models import PickupRequest
from merchants.models import MerchantPage
from home.backup import database_fingerprint, media_files
tables = database_fingerprint()
print(json.dumps({
    "pages": Page.objects.count(),
    "english_pages": Page.objects.filter(locale__language_code="en").count(),
    "revisions": Revision.objects.count(),
    "merchants": MerchantPage.objects.count(),
    "bookings": PickupRequest.objects.filter(kind="booking").count(),
    "callbacks": PickupRequest.objects.filter(kind="callback").count(),
    "images": get_image_model().objects.count(),
    "media": media_files(settings.MEDIA_ROOT),
    "tables": tables,
}))
"""

TABLES = """
import json
from django.db import connection
print(json.dumps(len(connection.introspection.table_names())))
"""

PAGES = """
import json, re
from django.test import Client
from merchants.models import MerchantPage
client = Client(HTTP_HOST="localhost")
urls = ["/", "/en/", "/commerces/", "/en/shops/", "/actualites/", "/commerces/export.csv",
        MerchantPage.objects.get(external_id="drill-3").url,
        MerchantPage.objects.get(external_id="demo-002", locale__language_code="fr").url,
        MerchantPage.objects.get(external_id="demo-002", locale__language_code="en").url]
pages = {}
for url in urls:
    response = client.get(url)
    text = response.content.decode()
    # Per-response values: the Content-Security-Policy nonce, CSRF tokens (masked anew
    # for each response) and the form timestamps.
    text = re.sub(r'nonce="[^"]*"', 'nonce=""', text)
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrf"', text)
    text = re.sub(r'name="(\\w+-)?issued" value="[^"]*"', 'name="issued"', text)
    pages[url] = [response.status_code, text]
print(json.dumps(pages))
"""


def run(site, code, **env):
    return site.python(code, **env)


@pytest.fixture
def empty_target(standalone_sites, tmp_path):
    """An empty database and media folder on the engine of the test run."""
    source_url = standalone_sites.database_url
    if is_postgres(source_url):
        name = f"site_cms_restored_{uuid.uuid4().hex[:10]}"
        with postgres_admin(source_url) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        yield with_database(source_url, name), tmp_path / "restored-media"
        with postgres_admin(source_url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield f"sqlite:///{tmp_path / 'restored' / 'db.sqlite3'}", tmp_path / "restored-media"


def test_backup_of_a_busy_site_restores_into_an_empty_one(standalone_site, empty_target, tmp_path):
    site = standalone_site()
    assert "5 commerces créés" in run(site, IMPORT)
    assert len(run(site, BOOK)) == 3
    before = run(site, COUNTS)
    assert before["english_pages"] > 0 and before["bookings"] >= 3 and before["media"]

    stop_file = tmp_path / "stop"
    writer = site.start(
        "shell", "--no-imports", "-c", WRITE_WHILE_BACKING_UP, STOP_FILE=str(stop_file)
    )
    # The writer is at work once its first callback request is in the database.
    for _ in range(100):
        if run(site, COUNTS)["callbacks"] > before["callbacks"]:
            break
    backups = tmp_path / "backups"
    done = site.manage("backup", "--output", str(backups))
    stop_file.touch()
    assert writer.wait(120) == 0, open(writer.log_path).read()
    assert "Sauvegarde écrite dans" in done.stdout
    (folder,) = backups.iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    after = run(site, COUNTS)
    # Taken while requests were written: the manifest holds some, not all of them.
    callbacks = manifest["database"]["tables"]["call_collect_pickuprequest"]["rows"]
    assert before["callbacks"] + before["bookings"] < callbacks
    assert callbacks <= after["callbacks"] + after["bookings"]

    database_url, media_root = empty_target
    restored = site.manage(
        "restore", str(folder), DATABASE_URL=database_url, MEDIA_ROOT=str(media_root)
    )
    assert re.search(
        r"Restauré et vérifié : \d+ tables, \d+ lignes, \d+ fichiers de médias", restored.stdout
    )

    target = {"DATABASE_URL": database_url, "MEDIA_ROOT": str(media_root)}
    counts = run(site, COUNTS, **target)
    # Every table as the backup counted and summed it, every media file byte for byte.
    assert counts["tables"] == manifest["database"]["tables"]
    assert counts["media"] == manifest["media"]["files"] == before["media"]
    for key in ("pages", "english_pages", "revisions", "merchants", "bookings", "images"):
        assert counts[key] == before[key], key
    assert counts["callbacks"] + counts["bookings"] == callbacks

    # A restore refuses a database that is not empty (nothing is overwritten).
    again = site.manage(
        "restore", str(folder), DATABASE_URL=database_url, MEDIA_ROOT=str(media_root), check=False
    )
    assert again.returncode != 0
    assert "La base de données n'est pas vide" in again.stderr
    assert "Traceback" not in again.stderr
    assert run(site, COUNTS, **target)["tables"] == manifest["database"]["tables"]

    # The restored site serves the same pages, the imported shop's among them.
    served, served_again = run(site, PAGES), run(site, PAGES, **target)
    assert served.keys() == served_again.keys()
    for url, (status, html) in served.items():
        assert status == 200, url
        assert served_again[url] == [status, html], url
    assert any("Épicerie du Quai 3" in html for _status, html in served_again.values())


def test_a_damaged_backup_is_refused_before_anything_is_restored(
    standalone_site, empty_target, tmp_path
):
    site = standalone_site()
    site.manage("backup", "--output", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    with open(folder / "media.tar", "r+b") as archive:
        archive.seek(2000)
        archive.write(b"damaged")
    database_url, media_root = empty_target
    result = site.manage(
        "restore", str(folder), DATABASE_URL=database_url, MEDIA_ROOT=str(media_root), check=False
    )
    assert result.returncode != 0
    assert "media.tar manque ou est endommagé" in result.stderr
    assert "Traceback" not in result.stderr
    assert not media_root.exists()


def _no_manifest(folder):
    (folder / "manifest.json").unlink()


def _manifest_text(text):
    def damage(folder):
        (folder / "manifest.json").write_text(text)

    return damage


def _truncated_database(folder):
    database = next(folder.glob("database.*"))
    database.write_bytes(database.read_bytes()[:4096])


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (None, "n'est pas un dossier de sauvegarde"),
        (_no_manifest, "manifest.json manque : ce n'est pas une sauvegarde terminée"),
        (_manifest_text('{"format": 1, "database": '), "manifest.json est illisible"),
        (_manifest_text("\x00\xff binary"), "manifest.json est illisible"),
        (_manifest_text("[1, 2]"), "manifest.json est illisible"),
        (_manifest_text('{"format": 1, "database": {}}'), "manifest.json est illisible"),
        (_manifest_text('{"format": 7}'), "Format de sauvegarde inconnu : 7"),
        (_truncated_database, "manque ou est endommagé"),
    ],
    ids=["no-folder", "no-manifest", "cut-json", "binary", "list", "no-keys", "format", "db"],
)
def test_bad_backups_are_refused_in_words_and_restore_nothing(
    standalone_site, empty_target, tmp_path, damage, message
):
    site = standalone_site()
    if damage is None:
        folder = tmp_path / "backups" / "site_cms-20260101-000000"
    else:
        site.manage("backup", "--output", str(tmp_path / "backups"))
        (folder,) = (tmp_path / "backups").iterdir()
        damage(folder)
    database_url, media_root = empty_target
    result = site.manage(
        "restore", str(folder), DATABASE_URL=database_url, MEDIA_ROOT=str(media_root), check=False
    )
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not media_root.exists()
    if is_postgres(database_url):
        assert run(site, TABLES, DATABASE_URL=database_url) == 0
    else:
        assert not (tmp_path / "restored").exists()
