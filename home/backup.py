"""Backups that restore: the database, the media files and a manifest to check both.

``backup(folder)`` writes ``site_cms-<date>/`` with:

- the database, taken consistently while the site runs: SQLite through its online
  backup API (``database.sqlite3``), PostgreSQL with ``pg_dump`` in its custom format
  (``database.pgdump``), inside a repeatable-read transaction whose snapshot the dump
  shares, so that the manifest counts exactly what the dump holds;
- the media files (uploaded images and documents, their renditions): ``media.tar``;
- ``manifest.json``, written last (a folder without one is an interrupted backup): for
  every table of the site its row count and a SHA-256 of its rows, for every media file
  its size and SHA-256, and the SHA-256 of the two files above.

``restore(folder)`` checks the files against the manifest, loads them into an empty
database and an empty media folder (``pg_restore`` in one transaction, or SQLite's
backup API the other way), then computes the counts and checksums again on what it
restored and fails unless they are the manifest's.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MEDIA_FILE = "media.tar"
CHUNK = 1024 * 1024
# Seconds a read of a SQLite database waits for the site's writers (web, worker).
BUSY_TIMEOUT = 60


class BackupError(Exception):
    """What went wrong, in words (translated) for the person running the command."""


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while block := file.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def site_tables():
    """``{table: (primary key column, [columns])}`` of every model table of the site."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy or meta.db_table in tables:
            continue
        tables[meta.db_table] = (meta.pk.column, [f.column for f in meta.local_concrete_fields])
    return dict(sorted(tables.items()))


def _normalise(value):
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def fingerprint(cursor, quote, tables=None):
    """``{table: {"rows": n, "sha256": …}}`` read through the DB-API ``cursor``.

    Rows are read by primary key order, so the same content gives the same checksum;
    compare fingerprints taken the same way (the same database engine and driver).
    """
    result = {}
    existing = None
    for table, (pk, columns) in (tables or site_tables()).items():
        if existing is not None and table not in existing:
            continue
        names = ", ".join(quote(column) for column in columns)
        cursor.execute(f"SELECT {names} FROM {quote(table)} ORDER BY {quote(pk)}")  # noqa: S608
        digest, rows = hashlib.sha256(), 0
        while batch := cursor.fetchmany(2000):
            for row in batch:
                digest.update(repr(tuple(_normalise(value) for value in row)).encode())
                rows += 1
        result[table] = {"rows": rows, "sha256": digest.hexdigest()}
    return result


def _sqlite_quote(name):
    return '"' + name.replace('"', '""') + '"'


def sqlite_fingerprint(path):
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    try:
        existing = {
            row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        tables = {name: spec for name, spec in site_tables().items() if name in existing}
        return fingerprint(raw.cursor(), _sqlite_quote, tables)
    finally:
        raw.close()


def database_fingerprint():
    """The fingerprint of the site's database as it is now (through Django)."""
    if connection.vendor == "sqlite":
        return sqlite_fingerprint(settings.DATABASES["default"]["NAME"])
    existing = set(connection.introspection.table_names())
    tables = {name: spec for name, spec in site_tables().items() if name in existing}
    with connection.cursor() as cursor:
        return fingerprint(cursor, connection.ops.quote_name, tables)


def media_files(root):
    """``{relative path: {"bytes": n, "sha256": …}}`` of the files under ``root``."""
    root = Path(root)
    if not root.is_dir():
        return {}
    files = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            files[path.relative_to(root).as_posix()] = {
                "bytes": path.stat().st_size,
                "sha256": sha256_of(path),
            }
    return files


def applied_migrations():
    recorder = MigrationRecorder(connection)
    latest = {}
    for app, name in recorder.applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def postgres_environment():
    """``pg_dump``'s and ``pg_restore``'s connection settings, from ``DATABASES``."""
    database = settings.DATABASES["default"]
    env = {**os.environ}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    return env


def _run(command, env):
    try:
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(
            _("%(command)s introuvable : installez le client PostgreSQL.")
            % {"command": command[0]}
        ) from error
    except subprocess.CalledProcessError as error:
        raise BackupError(
            _("%(command)s a échoué : %(error)s")
            % {"command": command[0], "error": error.stderr.strip()}
        ) from error


def _backup_sqlite(target):
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        # SQLite's online backup: a consistent copy while the site goes on writing.
        connection.connection.backup(copy)
    finally:
        copy.close()
    return sqlite_fingerprint(target)


def _backup_postgres(target):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        # The dump reads the snapshot of this transaction, which counts the tables.
        _run(
            ["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
            postgres_environment(),
        )
        existing = set(connection.introspection.table_names(cursor))
        tables = {name: spec for name, spec in site_tables().items() if name in existing}
        return fingerprint(cursor, connection.ops.quote_name, tables)


def _archive_media(root, target):
    files = media_files(root)
    with tarfile.open(target, "w") as archive:
        for name in files:
            archive.add(Path(root) / name, arcname=name, recursive=False)
    return files


def backup(folder, now=None):
    """Back the site up into a new folder under ``folder``; returns its path."""
    now = now or timezone.now()
    destination = Path(folder) / f"site_cms-{now:%Y%m%d-%H%M%S}"
    if destination.exists():
        raise BackupError(_("%(path)s existe déjà.") % {"path": destination})
    partial = destination.with_name(destination.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    if connection.vendor == "sqlite":
        database_file = SQLITE_FILE
        tables = _backup_sqlite(partial / SQLITE_FILE)
    elif connection.vendor == "postgresql":
        database_file = POSTGRES_FILE
        tables = _backup_postgres(partial / POSTGRES_FILE)
    else:
        raise BackupError(
            _("Pas de sauvegarde pour les bases %(vendor)s.") % {"vendor": connection.vendor}
        )
    media = _archive_media(settings.MEDIA_ROOT, partial / MEDIA_FILE)
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(),
        "database": {
            "vendor": connection.vendor,
            "file": database_file,
            "sha256": sha256_of(partial / database_file),
            "migrations": applied_migrations(),
            "tables": tables,
        },
        "media": {"file": MEDIA_FILE, "sha256": sha256_of(partial / MEDIA_FILE), "files": media},
    }
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    partial.rename(destination)
    return destination


@dataclass
class Check:
    """What ``restore`` compared: the differences, none when all is well."""

    tables: int = 0
    rows: int = 0
    media_files: int = 0
    differences: list = field(default_factory=list)


def read_manifest(folder):
    """The manifest of the backup in ``folder``, once its files are found intact."""
    folder = Path(folder)
    if not folder.is_dir():
        raise BackupError(_("%(path)s n'est pas un dossier de sauvegarde.") % {"path": folder})
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupError(
            _("%(path)s manque : ce n'est pas une sauvegarde terminée.") % {"path": path}
        )
    try:
        manifest = json.loads(path.read_bytes())
        backup_format = manifest.get("format")
    except (ValueError, AttributeError) as error:
        raise BackupError(_("%(path)s est illisible ou endommagé.") % {"path": path}) from error
    if backup_format != FORMAT:
        raise BackupError(
            _("Format de sauvegarde inconnu : %(format)s.") % {"format": repr(backup_format)}
        )
    try:
        database, media = manifest["database"], manifest["media"]
        parts = [(folder / part["file"], part["sha256"]) for part in (database, media)]
        if not (
            isinstance(database["vendor"], str)
            and isinstance(database["tables"], dict)
            and isinstance(media["files"], dict)
        ):
            raise TypeError(MANIFEST)
    except (KeyError, TypeError) as error:
        raise BackupError(_("%(path)s est illisible ou endommagé.") % {"path": path}) from error
    for file, checksum in parts:
        if not file.is_file() or sha256_of(file) != checksum:
            raise BackupError(
                _("%(path)s manque ou est endommagé (sa somme de contrôle diffère).")
                % {"path": file}
            )
    return manifest


def _database_is_empty():
    if connection.vendor == "sqlite":
        path = Path(settings.DATABASES["default"]["NAME"])
        if not path.is_file() or path.stat().st_size == 0:
            return True
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
        try:
            tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
        finally:
            raw.close()
    else:
        tables = set(connection.introspection.table_names())
    return not tables & set(site_tables())


def _restore_sqlite(source):
    target = Path(settings.DATABASES["default"]["NAME"])
    connection.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    backup_copy = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    restored = sqlite3.connect(target)
    try:
        backup_copy.backup(restored)
    finally:
        backup_copy.close()
        restored.close()


def _restore_postgres(source):
    connection.close()
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={settings.DATABASES['default']['NAME']}",
            str(source),
        ],
        postgres_environment(),
    )


def verify(manifest):
    """Compare the site's database and media files with ``manifest``."""
    check = Check()
    tables = database_fingerprint()
    for table, expected in manifest["database"]["tables"].items():
        found = tables.get(table)
        check.tables += 1
        check.rows += expected["rows"]
        if found != expected:
            if found is None:
                difference = _("table %(table)s : absente")
            elif found["rows"] == expected["rows"]:
                difference = _("table %(table)s : autant de lignes, d'autres contenus")
            else:
                difference = _(
                    "table %(table)s : %(expected)s lignes attendues, %(found)s trouvées"
                )
            check.differences.append(
                difference
                % {
                    "table": table,
                    "expected": expected["rows"],
                    "found": found["rows"] if found else 0,
                }
            )
    files = media_files(settings.MEDIA_ROOT)
    for name, expected in manifest["media"]["files"].items():
        check.media_files += 1
        if files.get(name) != expected:
            check.differences.append(
                _("fichier de médias %(name)s : absent ou différent") % {"name": name}
            )
    return check


def restore(folder, *, into_existing=False):
    """Restore the backup in ``folder`` into this site's empty database and media
    folder, and check it; returns the ``Check``."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            _(
                "Cette sauvegarde est celle d'une base %(backup)s ; "
                "DATABASE_URL désigne une base %(site)s."
            )
            % {"backup": vendor, "site": connection.vendor}
        )
    media_root = Path(settings.MEDIA_ROOT)
    if not into_existing:
        if not _database_is_empty():
            raise BackupError(
                _("La base de données n'est pas vide : restaurez dans une base vide.")
            )
        if media_root.is_dir() and any(media_root.iterdir()):
            raise BackupError(
                _("%(path)s n'est pas vide : restaurez dans un dossier vide.")
                % {"path": media_root}
            )
    database_file = folder / manifest["database"]["file"]
    if vendor == "sqlite":
        _restore_sqlite(database_file)
    else:
        _restore_postgres(database_file)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / manifest["media"]["file"]) as archive:
        archive.extractall(media_root, filter="data")
    return verify(manifest)


def prune(folder, keep_days, now=None):
    """Delete the backups under ``folder`` older than ``keep_days``; returns their names."""
    now = now or timezone.now()
    deleted = []
    for path in sorted(Path(folder).glob("site_cms-*")):
        try:
            taken = datetime.datetime.strptime(
                path.name.removeprefix("site_cms-").removesuffix(".partial"), "%Y%m%d-%H%M%S"
            ).replace(tzinfo=datetime.UTC)
        except ValueError:
            continue
        if now - taken > datetime.timedelta(days=keep_days):
            shutil.rmtree(path)
            deleted.append(path.name)
    return deleted
