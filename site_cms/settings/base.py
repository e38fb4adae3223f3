"""Settings shared by every environment.

Nothing here is machine-specific: values that differ between machines are read
from the environment through ``site_cms.env.env``.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from search.backends.config import search_backends
from site_cms.env import BASE_DIR, env

PROJECT_DIR = BASE_DIR / "site_cms"
VAR_DIR = BASE_DIR / "var"

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "news",
    "merchants",
    "merchants.portal",
    "merchants.collect",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses to authenticate a locked-out username/address pair
# before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "site_cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "site_cms.wsgi.application"

# SQLite under var/ unless DATABASE_URL says otherwise (PostgreSQL in CI and production).
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The default database lives in var/, which a fresh clone does not have yet.
    VAR_DIR.mkdir(exist_ok=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://site_cms")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the source language, English its translation.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["site_cms.formats"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Static files: the site's own assets live in the top-level static/ folder;
# collectstatic gathers everything under var/.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "staticfiles")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default limit in Wagtail's editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="ne-pas-repondre@agglo.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Agglo Rhône Commerces"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Search: the database (French SQLite FTS5 or PostgreSQL backend) unless SEARCH_URL names
# an OpenSearch/Elasticsearch node (opensearch://host:9200), see search/backends/config.py.
WAGTAILSEARCH_BACKENDS = search_backends(
    env("SEARCH_URL", default=""),
    DATABASES["default"]["ENGINE"],
    index_prefix=env("SEARCH_INDEX_PREFIX", default="site_cms_"),
    timeout=env.int("SEARCH_TIMEOUT", default=5),
)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in the translation editor: off unless a self-hosted LibreTranslate
# is given. Its output is a suggestion stored in translation memory; translators review
# it before publishing.
MACHINE_TRANSLATION_URL = env("MACHINE_TRANSLATION_URL", default="")
if MACHINE_TRANSLATION_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": MACHINE_TRANSLATION_URL.rstrip("/"),
            "API_KEY": env("MACHINE_TRANSLATION_API_KEY", default=""),
            "TIMEOUT": env.int("MACHINE_TRANSLATION_TIMEOUT", default=10),
        },
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Merchant portal (merchants.portal): merchants sign in on the public site, never in the
# Wagtail admin, which keeps its own login page.
LOGIN_URL = "merchant_portal:login"
LOGIN_REDIRECT_URL = "merchant_portal:dashboard"
# "Forgotten password" links expire after a day; invitation links (their own token salt)
# after a week, because a shopkeeper may not read their email every day.
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
MERCHANT_INVITATION_TIMEOUT = 60 * 60 * 24 * 7
# Number of reverse proxies in front of the site that append to X-Forwarded-For; 0 means
# the client address is REMOTE_ADDR. Login throttling and the listing form's rate limit
# both rely on it: too low and every visitor shares the proxy's address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Call and collect: residents' callback requests and bookings (names, phone numbers) are
# deleted this many days after they were made by `manage.py purge_call_collect`.
CALL_COLLECT_RETENTION_DAYS = env.int("CALL_COLLECT_RETENTION_DAYS", default=90)
# Pickup slots starting sooner than this are no longer offered: the shop needs time to
# prepare the order.
CALL_COLLECT_MIN_NOTICE_MINUTES = env.int("CALL_COLLECT_MIN_NOTICE_MINUTES", default=60)
# The resident's emailed link (view or cancel the request) works until this many days
# after the pickup slot, or after the request for a callback.
CALL_COLLECT_LINK_DAYS = env.int("CALL_COLLECT_LINK_DAYS", default=7)

# Login throttling (django-axes): five failures for one username from one address lock
# that pair for 15 minutes. Locking a username alone would let anyone lock a merchant
# out; locking an address alone would lock a whole office behind one NAT.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "merchants.portal.throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "merchants.portal.views.auth.locked_out"
