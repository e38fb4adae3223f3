#!/usr/bin/env bash
# The README's production section, run as written on a clean copy of the repository:
# a fresh virtualenv with only the install line the README gives (no search extra, no
# dev tools), migrate, collectstatic, check --deploy, gunicorn with deploy/gunicorn.conf.py
# and nginx with deploy/nginx/site_cms.conf (.ci/nginx-smoke.sh); then a real browser
# publishes a page in the admin, approves a merchant's change, saves a merchant's hours
# in the portal, and reads the French and English home, a merchant page and a search.
#
# Usage: .ci/production-smoke.sh POSTGRES_URL_OF_AN_EMPTY_DATABASE
# Needs: the project's own .venv (Playwright drives chromium from it) and chromium.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
database_url="$1"
port="${SMOKE_PORT:-8001}"
work=$(mktemp -d /tmp/site_cms-smoke.XXXXXX)
gunicorn_pid=""
cleanup() {
    if [ -n "$gunicorn_pid" ]; then kill "$gunicorn_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/site"
cd "$work/site"
# SMOKE_REF: run another commit's README and code (e.g. to see this run fail before a fix).
git checkout --quiet "${SMOKE_REF:-HEAD}"

# Step 2 of the README's "Production deployment", word for word.
install_line=$(grep -o 'python3 -m venv .venv && .venv/bin/pip install -e "\.\[postgres\]" gunicorn' "$repo/README.md" | head -n 1)
if [ -z "$install_line" ]; then
    echo "The README's production install line changed: update .ci/production-smoke.sh." >&2
    exit 1
fi
bash -c "$install_line" >/dev/null
if .venv/bin/python -c "import opensearchpy" 2>/dev/null; then
    echo "The production install must not bring the optional search extra." >&2
    exit 1
fi

export DJANGO_SETTINGS_MODULE=site_cms.settings.production
export SECRET_KEY="smoke-$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-production-like-key"
export ALLOWED_HOSTS=localhost,127.0.0.1
export DATABASE_URL="$database_url"
export WAGTAILADMIN_BASE_URL="http://localhost:$port"
export EMAIL_URL=consolemail://
export MEDIA_ROOT="$work/media"
export STATIC_ROOT="$work/static"
# Served over plain HTTP on loopback: no proxy redirects to HTTPS here.
export SECURE_SSL_REDIRECT=False
unset SEARCH_URL

# Step 3, word for word.
step3=$(grep -o 'python manage.py migrate && python manage.py collectstatic --noinput && python manage.py check --deploy' "$repo/README.md" | head -n 1)
if [ -z "$step3" ]; then
    echo "The README's production step 3 changed: update .ci/production-smoke.sh." >&2
    exit 1
fi
PATH="$PWD/.venv/bin:$PATH" bash -c "$step3" >/dev/null
.venv/bin/python manage.py setup_roles >/dev/null
# Content to publish: the demo (each of its pages is a publication).
.venv/bin/python manage.py load_demo >/dev/null
DJANGO_SUPERUSER_PASSWORD=smoke-admin-password .venv/bin/python manage.py createsuperuser \
    --noinput --username smoke-admin --email smoke-admin@agglo.example >/dev/null

# Step 4, word for word: gunicorn with the deployed configuration (deploy/gunicorn.conf.py);
# GUNICORN_CMD_ARGS only moves its port and its logs into this run's directory.
step4=$(grep -o 'gunicorn -c deploy/gunicorn.conf.py site_cms.wsgi' "$repo/README.md" | head -n 1)
if [ -z "$step4" ]; then
    echo "The README's production step 4 changed: update .ci/production-smoke.sh." >&2
    exit 1
fi
GUNICORN_CMD_ARGS="--bind 127.0.0.1:$port --workers 3 --access-logfile $work/access.log --error-logfile $work/error.log" \
    PATH="$PWD/.venv/bin:$PATH" bash -c "exec $step4" &
gunicorn_pid=$!
for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
    sleep 1
done

SMOKE_BASE_URL="http://localhost:$port" SMOKE_SITE="$work/site" \
    "$repo/.venv/bin/python" "$repo/.ci/production_smoke.py"
# Step 4's proxy: deploy/nginx/site_cms.conf in front of this gunicorn.
bash "$repo/.ci/nginx-smoke.sh" "$work" "$port" "$MEDIA_ROOT"
if grep -q "Traceback" "$work/error.log"; then
    echo "gunicorn logged a traceback:" >&2
    cat "$work/error.log" >&2
    exit 1
fi
if grep -E '" 5[0-9][0-9] ' "$work/access.log"; then
    echo "gunicorn answered a request with a server error (above)." >&2
    exit 1
fi
echo "Production smoke run passed."
