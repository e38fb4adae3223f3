"""Configuration read from the environment, and the production safety net."""

import os
import subprocess
import sys
from pathlib import Path

import environ
import pytest
from django.conf import settings

from site_cms.env import BASE_DIR

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "site_cms.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "commerces.agglo.example",
    "DATABASE_URL": "sqlite:////tmp/site_cms-deploy-check.sqlite3",
}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("False", False), ("false", False), ("0", False), ("", False), ("True", True), ("1", True)],
)
def test_boolean_variables_are_parsed(monkeypatch, raw, expected):
    monkeypatch.setenv("DEBUG", raw)
    env = environ.Env(DEBUG=(bool, False))
    assert env("DEBUG") is expected


def test_database_url_is_parsed(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://site:pw@db.internal:5432/site_cms")
    config = environ.Env().db_url("DATABASE_URL")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5432, "site_cms")


def _manage(*args, env):
    # Only what a production machine would have: no test-only variables.
    unset = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(  # noqa: S603
        [sys.executable, str(Path(BASE_DIR) / "manage.py"), *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=BASE_DIR,
        check=False,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert f"{missing} must be set in production" in result.stderr


def test_production_passes_the_deployment_checklist():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


SECURITY_PROBE = (
    "from django.conf import settings; "
    "print(repr((settings.CONTENT_SECURITY_POLICY, settings.CONTENT_SECURITY_POLICY_ADMIN, "
    "getattr(settings, 'CONTENT_SECURITY_POLICY_REPORT_ONLY', None), "
    "settings.PERMISSIONS_POLICY, settings.CROSS_ORIGIN_RESOURCE_POLICY, "
    "[m for m in settings.MIDDLEWARE if 'Policy' in m])))"
)


def test_production_sends_the_security_headers_the_tests_check():
    """The policies live in the base settings: production enforces what the test suite
    and the browser tests exercise."""
    result = _manage("shell", "-c", SECURITY_PROBE, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    expected = (
        settings.CONTENT_SECURITY_POLICY,
        settings.CONTENT_SECURITY_POLICY_ADMIN,
        None,  # enforced, not report-only
        settings.PERMISSIONS_POLICY,
        "same-origin",
        [
            "django_permissions_policy.PermissionsPolicyMiddleware",
            "site_cms.middleware.CrossOriginResourcePolicyMiddleware",
            "site_cms.middleware.ContentSecurityPolicyMiddleware",
        ],
    )
    assert result.stdout.strip().splitlines()[-1] == repr(expected)


def test_production_refuses_an_unusable_tile_server():
    env = {**PRODUCTION_ENV, "MAP_TILES_URL": "tiles.agglo.example/{z}/{x}/{y}.png"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "MAP_TILES_URL='tiles.agglo.example/{z}/{x}/{y}.png'" in result.stderr
    assert "give an absolute https:// address" in result.stderr


def test_debug_string_false_stays_off_in_production():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.SECURE_SSL_REDIRECT)",
        env={**PRODUCTION_ENV, "DEBUG": "False", "SECURE_SSL_REDIRECT": "False"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False False"


MACHINE_TRANSLATOR_PROBE = (
    "from wagtail_localize.machine_translators import get_machine_translator; "
    "t = get_machine_translator(); "
    "print(type(t).__name__ if t else None, t.get_api_endpoint() if t else '')"
)


def test_machine_translation_is_off_by_default():
    env = {**PRODUCTION_ENV, "MACHINE_TRANSLATION_URL": ""}
    result = _manage("shell", "-c", MACHINE_TRANSLATOR_PROBE, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "None"


def test_machine_translation_uses_the_configured_libretranslate():
    env = {**PRODUCTION_ENV, "MACHINE_TRANSLATION_URL": "http://translate.internal:5000/"}
    result = _manage("shell", "-c", MACHINE_TRANSLATOR_PROBE, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "LibreTranslator http://translate.internal:5000"
    )


def test_a_warning_when_wagtail_or_wagtail_localize_leave_the_tested_versions():
    from home.checks import check_library_versions, untested_versions

    assert check_library_versions(None) == []  # what is installed is what was tested
    assert untested_versions({"wagtail": "8.0.1", "wagtail-localize": "1.14.5"}) == []
    assert [name for name, _v, _r in untested_versions({"wagtail": "8.1.0"})] == ["wagtail"]
    assert [
        name
        for name, _v, _r in untested_versions({"wagtail-localize": "2.0rc1", "wagtail": "7.4"})
    ] == ["wagtail", "wagtail-localize"]
