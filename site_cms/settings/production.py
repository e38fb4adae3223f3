"""Settings for production: secrets and hosts are required, HTTPS everywhere.

Behind a proxy that terminates TLS, set ``SECURE_PROXY_SSL_HEADER=True`` so that
Django trusts ``X-Forwarded-Proto``; set ``SECURE_SSL_REDIRECT=False`` only when
the proxy already redirects HTTP to HTTPS.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env, logging_config

DEBUG = env.bool("DEBUG", default=False)

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT")
SILENCED_SYSTEM_CHECKS = []
if not SECURE_SSL_REDIRECT:
    # Switched off on purpose: the proxy in front already redirects HTTP to HTTPS.
    SILENCED_SYSTEM_CHECKS.append("security.W008")
if env("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# A missing EMAIL_URL must not silently print invitations to a log in production.
vars().update(env.email_url("EMAIL_URL", default="smtp://localhost:25"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One JSON object per line (timestamp, level, logger, message, request id, and path,
# status, duration of each request; task and task id in the worker), for the journal
# or a log collector. LOG_FORMAT=text for lines a person reads.
LOGGING = logging_config(env("LOG_FORMAT", default="json"), env("LOG_LEVEL", default="INFO"))
