"""The demo site in a database of its own, for tests that run the site's processes
(the worker, gunicorn, backup and restore) the way production runs them.

The test database of pytest-django lives inside the test run (an in-memory SQLite, or
rolled-back transactions): another process sees nothing of it. ``standalone_site``
(a fixture, ``tests/conftest.py``) gives each test a copy of a demo site built once per
session with ``migrate`` and ``load_demo``: a SQLite file copied with SQLite's backup
API, or a PostgreSQL database made from a template on the server of ``DATABASE_URL``.
"""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
TEMPLATE_DATABASE = "site_cms_standalone_template"


def is_postgres(url):
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def postgres_admin(url):
    """A psycopg connection to the server's maintenance database, autocommitting."""
    import psycopg  # the postgres extra; only imported when PostgreSQL is used

    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password or None,
        dbname="postgres",
        autocommit=True,
    )


class Site:
    """One copy of the demo site: its environment, and ways to run its commands."""

    def __init__(self, database_url, media_root, workdir, **environment):
        self.database_url = database_url
        self.media_root = Path(media_root)
        self.workdir = Path(workdir)
        self.processes = []
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "site_cms.settings.dev",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(media_root),
            "DEBUG": "False",
            "EMAIL_URL": "consolemail://",
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
            **environment,
        }
        self.env.pop("SEARCH_URL", None)

    def manage(self, *args, check=True, timeout=300, **env):
        return subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            check=check,
            timeout=timeout,
        )

    def python(self, code, **env):
        """Run ``code`` in ``manage.py shell``; it prints JSON, returned decoded."""
        result = self.manage("shell", "--no-imports", "-c", code, check=False, **env)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])

    def start(self, *args, **env):
        """Start ``manage.py *args`` in the background (stopped at the end of the test)."""
        log = open(self.workdir / f"{args[0]}-{len(self.processes)}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(  # noqa: S603
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        process.log_path = log.name
        self.processes.append(process)
        return process

    def stop_all(self):
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


class SiteFactory:
    """Builds the demo once, then hands out copies of it."""

    def __init__(self, base_dir, database_url):
        self.base_dir = Path(base_dir)
        self.database_url = database_url
        self.template = None

    def _build_template(self):
        media = self.base_dir / "template-media"
        if is_postgres(self.database_url):
            url = with_database(self.database_url, TEMPLATE_DATABASE)
            with postgres_admin(self.database_url) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE_DATABASE}"')
                admin.execute(f'CREATE DATABASE "{TEMPLATE_DATABASE}"')
        else:
            url = f"sqlite:///{self.base_dir / 'template.sqlite3'}"
        site = Site(url, media, self.base_dir)
        site.manage("migrate", "--noinput", timeout=900)
        site.manage("load_demo", timeout=900)
        self.template = site

    def copy(self, **environment):
        if self.template is None:
            self._build_template()
        name = f"site_cms_standalone_{uuid.uuid4().hex[:12]}"
        workdir = self.base_dir / name
        workdir.mkdir()
        media = workdir / "media"
        shutil.copytree(self.template.media_root, media)
        if is_postgres(self.database_url):
            with postgres_admin(self.database_url) as admin:
                admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DATABASE}"')
            url = with_database(self.database_url, name)
        else:
            path = workdir / "db.sqlite3"
            source = sqlite3.connect(urlsplit(self.template.database_url).path)
            target = sqlite3.connect(path)
            with source, target:
                source.backup(target)
            source.close()
            target.close()
            url = f"sqlite:///{path}"
        site = Site(url, media, workdir, **environment)
        site.name = name
        return site

    def drop(self, site):
        if is_postgres(self.database_url):
            with postgres_admin(self.database_url) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{site.name}" WITH (FORCE)')

    def close(self):
        if self.template is not None and is_postgres(self.database_url):
            with postgres_admin(self.database_url) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{TEMPLATE_DATABASE}" WITH (FORCE)')
