"""Settings for the test suite: fast hashing, emails kept in memory, static files unhashed."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Background tasks run at once, in the request, so that a test sees the email its
# request caused. The tests of the queue itself (tests/home/test_background_*.py, the
# SMTP and worker tests) switch the real database backend back on.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "test-media")
WAGTAILADMIN_BASE_URL = "http://testserver"
# django-axes needs the request in authenticate(); the test client's login() has none.
# The throttling tests switch it back on (tests/portal/test_auth.py).
AXES_ENABLED = False
# Tests change pages inside transactions that never commit, so purges (run on commit)
# never happen: pages are not kept in Django's cache, except by the cache tests
# (tests/caching/), which switch it on.
PAGE_CACHE_STORE = False
