"""The one place where settings read the machine's environment.

Every value that differs between machines goes through ``env`` so that types are
parsed the same way everywhere: ``DEBUG=False`` is a real ``False``, URLs become
Django configuration dictionaries, lists are split on commas.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, []),
    CSRF_TRUSTED_ORIGINS=(list, []),
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_PROXY_SSL_HEADER=(bool, False),
    SECURE_HSTS_SECONDS=(int, 60 * 60 * 24 * 365),
)

# A local .env file is a convenience for developers; real deployments set the
# environment themselves and never ship that file.
_dotenv = BASE_DIR / ".env"
if _dotenv.is_file():
    env.read_env(_dotenv)
