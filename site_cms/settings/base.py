"""Settings shared by every environment.

Nothing here is machine-specific: values that differ between machines are read
from the environment through ``site_cms.env.env``.
"""

import datetime

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from search.backends.config import search_backends
from site_cms.env import BASE_DIR, env
from site_cms.logs import logging_config
from site_cms.security import check_attribution_url, static_file_headers, tile_source

PROJECT_DIR = BASE_DIR / "site_cms"
VAR_DIR = BASE_DIR / "var"

DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY", default=None)
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "home.background",
    "news",
    "merchants",
    "merchants.portal",
    "merchants.collect",
    "events",
    "offers",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
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
    "csp",
    "django_tasks",
    "django_tasks_db",
    "django_guid",
]

MIDDLEWARE = [
    # /healthz and /readyz, answered before anything else: a load balancer asks by the
    # server's address over plain HTTP (no host check, no HTTPS redirect, no session).
    "site_cms.health.HealthMiddleware",
    # The request id (X-Request-ID from nginx, or a new one) in every log line and in
    # the response; then one log line per request.
    "django_guid.middleware.guid_middleware",
    "site_cms.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "site_cms.middleware.CrossOriginResourcePolicyMiddleware",
    "site_cms.middleware.ContentSecurityPolicyMiddleware",
    # Pages shared by anonymous visitors, from Django's cache (home.caching): before the
    # session, which a cached page does not need.
    "home.caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Wagtail's reports listing people: only for those given their permission.
    "home.admin_access.AdminAccessMiddleware",
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
# A refused form is explained in the site's layout and language (Django's own page is
# English markup around translated text).
CSRF_FAILURE_VIEW = "site_cms.views.csrf_failure"

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
    # Plain-text emails (home.mail): the same templates, without HTML autoescaping, so
    # that "Boulangerie d'Antan & Fils" is not sent as "d&#x27;Antan &amp; Fils". Only
    # used when asked for by name; pages always render with the engine above.
    {
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
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
    # The web server, the worker and a backup use the database at once: a writer waits
    # for another's transaction (seconds) rather than failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("timeout", 20)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://site_cms")}
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    # Redis down or slow: every cache call gives up within half a second and the site
    # answers uncached (logged), instead of an error page.
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    )
# ... and each failure is logged (logger django_redis.cache).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Background tasks (home.background): the site's own (emails, indexing in a search
# engine, periodic tasks) are rows in the database, run by `manage.py worker`, queued
# in the transaction of the change that causes them. Wagtail's and modelsearch's own
# tasks (reference index, the database search index) stay on "default", which runs
# them at once, in the transaction of the page they follow.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# A task running for longer than this is taken for one whose worker died, and queued
# again (its worker started again with the same id requeues it at once).
TASK_RUNNING_TIMEOUT = env.int("TASK_RUNNING_TIMEOUT", default=60 * 60)

# /readyz (site_cms.health): the checks whose failure makes it answer 503; the others
# (the cache, the search engine, the queue) have fallbacks and are reported as
# "degraded". The queue is degraded when its oldest due task waited this long.
READYZ_REQUIRED = env.list("READYZ_REQUIRED", default=["database"])
READYZ_MAX_TASK_AGE = env.int("READYZ_MAX_TASK_AGE", default=15 * 60)

# Request ids (django-guid): nginx's $request_id (32 hex digits) is kept, so that its
# access log and ours share it; anything else is replaced by a new id.
DJANGO_GUID = {
    "GUID_HEADER_NAME": "X-Request-ID",
    "VALIDATE_GUID": True,
    "RETURN_HEADER": True,
    "EXPOSE_HEADER": False,
}

# Full pages shared by anonymous visitors (home.caching): kept at most this long in
# Django's cache and the frontend cache, purged exactly when what they show changes.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)
# Keep shareable pages in Django's cache too; the Cache-Control headers are sent either
# way. Only by default when the cache is shared by every process (Redis...): with the
# per-process local-memory cache, a purge made by one gunicorn worker would leave the
# other workers serving their old copies.
PAGE_CACHE_STORE = env.bool(
    "PAGE_CACHE_STORE",
    default=CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache",
)
# The frontend cache in front of the app servers, purged by Wagtail
# (wagtail.contrib.frontend_cache): Varnish with deploy/varnish/site.vcl, e.g.
# FRONTEND_CACHE_URL=http://127.0.0.1:6081. Unset: no frontend cache to purge. For a
# CDN, configure WAGTAILFRONTENDCACHE with Wagtail's Cloudflare or CloudFront backend.
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL", default="")
WAGTAILFRONTENDCACHE = (
    {"varnish": {"BACKEND": "home.caching.VarnishBackend", "LOCATION": FRONTEND_CACHE_URL}}
    if FRONTEND_CACHE_URL
    else {}
)
# Pages are purged at their own URL in each language (translations have their own
# slugs): Wagtail must not rewrite one language's prefix into the others'.
WAGTAILFRONTENDCACHE_LANGUAGES = []

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
# Where `manage.py backup` writes (home.backup); keep it on another disk or machine.
BACKUP_ROOT = env.path("BACKUP_ROOT", default=VAR_DIR / "backups")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_ADD_HEADERS_FUNCTION = static_file_headers

# Complex page models can exceed Django's default limit in Wagtail's editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Seconds the worker waits for the mail server before trying again later.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="ne-pas-repondre@agglo.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAIL_SITE_NAME = "Agglo Rhône Commerces"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Review emails go to the groups that review (the "Communication" team), once per
# submission: by default Wagtail also emails every superuser, twice (the workflow's
# "submitted" and the task's "submitted" notifications).
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
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
# New image files lose their EXIF/XMP/comments and get a random name (home.images).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.images.ImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Addresses people read aloud, print and type: "Un chèque cadeau" gets
# /un-cheque-cadeau/, never /un-ch%C3%A8que-cadeau/ (home.slugs; older accented slugs:
# manage.py ascii_slugs, which leaves redirects).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
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

# Maps of the directory and merchant pages (Leaflet). The tile server is a Leaflet URL
# template; an agglomeration may use its own or a contracted server. Its host is added
# to the Content-Security-Policy's img-src (site_cms.middleware); a malformed URL stops
# the site here rather than leaving every map blank.
MAP_TILES_URL = env("MAP_TILES_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
tile_source(MAP_TILES_URL)
# Empty: "© OpenStreetMap contributors", in the page's language.
MAP_TILES_ATTRIBUTION = env("MAP_TILES_ATTRIBUTION", default="")
MAP_TILES_ATTRIBUTION_URL = check_attribution_url(
    env("MAP_TILES_ATTRIBUTION_URL", default="https://www.openstreetmap.org/copyright")
)

# Security headers. The same policies in every environment, so that tests and the
# development server run under what production sends.
#
# Content-Security-Policy (django-csp, site_cms.middleware): the public site runs only
# its own scripts and styles, never inline code. Structured data (JSON-LD) is named by
# the hash of its content (home/templatetags/structured_data_tags.py), which a page
# served from the cache keeps; a nonce would not. img-src also gets the map's tile
# server (from MAP_TILES_URL) at request time. frame-src lists the video players the
# embed block may show.
EMBED_FRAME_SOURCES = env.list(
    "EMBED_FRAME_SOURCES",
    default=[
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://www.dailymotion.com",
        "https://geo.dailymotion.com",
    ],
)
_CSP_REPORT_URI = env("CSP_REPORT_URI", default="")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # data: is Leaflet's blank image for tiles it stops loading (built into it).
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": EMBED_FRAME_SOURCES or [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        **({"report-uri": [_CSP_REPORT_URI]} if _CSP_REPORT_URI else {}),
    },
}
# The Wagtail admin (/admin/ only, chosen by site_cms.middleware) cannot run under the
# public policy, as driving it in Chromium under that policy showed: Wagtail 8 writes
# inline <script> elements (panels, widgets, chooser modals) and inline event handlers
# (the focal point editor's Jcrop), its bundled libraries insert <style> elements, and
# the multiple upload previews images as blob: URLs. No nonce here: a nonce in
# script-src would switch 'unsafe-inline' off. Everything else stays as strict as on
# the public site (tests/browser/test_security_headers.py drives the editor, choosers
# and workflow dialogs under it).
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        # The preview panel and the embed chooser's preview.
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
    },
}
# Permissions-Policy (django-permissions-policy): powerful features the site does not
# use are denied to every origin, embedded frames included (only features Chromium
# knows: it logs an error for any other). A view or page that needs one allows it for
# itself (site_cms.security.permissions_policy_allowing; pages through
# BasePage.allowed_browser_features). Fullscreen, picture-in-picture and encrypted media
# go to the embedded video players only.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": ["self", *EMBED_FRAME_SOURCES],
    "fullscreen": ["self", *EMBED_FRAME_SOURCES],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "local-fonts": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "otp-credentials": [],
    "payment": [],
    "picture-in-picture": ["self", *EMBED_FRAME_SOURCES],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "window-management": [],
    "xr-spatial-tracking": [],
}
# Cross-Origin-Resource-Policy on every response and static file: other sites may not
# embed our pages' resources. The open-data exports and the search API, meant for
# other sites, say cross-origin themselves.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# Two third parties the admin would otherwise reach from editors' browsers (and its
# policy would have to allow): Gravatar for avatars (a generic one instead of sending
# editors' email hashes) and Wagtail's release feed (upgrades come through this
# repository's pinned dependencies, not from the dashboard).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Logs (site_cms.logs): text lines here, JSON lines in production; a request id in each.
LOGGING = logging_config(env("LOG_FORMAT", default="text"), env("LOG_LEVEL", default="WARNING"))

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

# Workshop registrations (names, businesses, emails, phones) are deleted this many days
# after their session by `manage.py purge_workshop_registrations`, as call & collect's.
EVENT_REGISTRATION_RETENTION_DAYS = env.int("EVENT_REGISTRATION_RETENTION_DAYS", default=90)
# The emailed link (view or cancel a registration) works until this many days after
# the session.
EVENT_REGISTRATION_LINK_DAYS = env.int("EVENT_REGISTRATION_LINK_DAYS", default=7)

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
