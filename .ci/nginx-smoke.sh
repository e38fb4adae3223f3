#!/usr/bin/env bash
# deploy/nginx/site_cms.conf in front of a running gunicorn: TLS with a throwaway
# certificate, the redirect to HTTPS, compression, /media/ from disk with its safe
# headers, documents never from disk, and the request size limit.
#
# Usage: .ci/nginx-smoke.sh WORK_DIR GUNICORN_PORT MEDIA_ROOT (from .ci/production-smoke.sh)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$1"
backend_port="$2"
media_root="$3"
http_port="${SMOKE_NGINX_HTTP_PORT:-8180}"
https_port="${SMOKE_NGINX_HTTPS_PORT:-8543}"
base="https://localhost:$https_port"

mkdir -p "$work/nginx/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
    -keyout "$work/nginx/key.pem" -out "$work/nginx/cert.pem" 2>/dev/null
# The deployed file, with this machine's names, paths and ports (IPv4 only here).
sed -e "s#server 127.0.0.1:6081;#server 127.0.0.1:$backend_port;#" \
    -e "s#commerces.agglo.example;#localhost;#" \
    -e "s#/etc/letsencrypt/live/commerces.agglo.example/fullchain.pem#$work/nginx/cert.pem#" \
    -e "s#/etc/letsencrypt/live/commerces.agglo.example/privkey.pem#$work/nginx/key.pem#" \
    -e "s#/srv/site_cms/var/media/#${media_root%/}/#g" \
    -e "s#listen 80;#listen 127.0.0.1:$http_port;#" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https_port ssl http2;#" \
    -e "/listen \[::\]/d" \
    "$repo/deploy/nginx/site_cms.conf" >"$work/nginx/site.conf"
if ! grep -q "listen 127.0.0.1:$https_port ssl http2;" "$work/nginx/site.conf"; then
    echo "deploy/nginx/site_cms.conf changed its listen lines: update .ci/nginx-smoke.sh." >&2
    exit 1
fi
cat >"$work/nginx/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events {}
http {
    include /etc/nginx/mime.types;
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    include $work/nginx/site.conf;
}
CONF
nginx -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
stop_nginx() { kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true; }
trap stop_nginx EXIT
for _ in $(seq 1 20); do
    [ -s "$work/nginx/nginx.pid" ] && curl -ksS -o /dev/null "$base/" 2>/dev/null && break
    sleep 0.5
done

fail() {
    echo "nginx smoke: $1" >&2
    exit 1
}
header() { # URL NAME: the value of one response header (HEAD request)
    curl -ksSI "${@:3}" "$1" | tr -d '\r' | grep -i "^$2:" | head -n 1 | cut -d' ' -f2-
}

status=$(curl -ks -o /dev/null -w '%{http_code} %{http_version}' "$base/")
[ "$status" = "200 2" ] || fail "the home page over HTTPS answered '$status', not '200 2' (HTTP/2)"
location=$(header "http://localhost:$http_port/commerces/?page=2" location)
[ "$location" = "https://localhost/commerces/?page=2" ] ||
    fail "plain HTTP is not redirected to HTTPS (Location: '$location')"
encoding=$(header "$base/commerces/" content-encoding -H 'Accept-Encoding: gzip')
[ "$encoding" = "gzip" ] || fail "the directory is not compressed (Content-Encoding: '$encoding')"

photo=$(cd "$media_root" && find original_images -type f | head -n 1)
[ -n "$photo" ] || fail "no uploaded image in $media_root to fetch"
[ "$(curl -ks -o /dev/null -w '%{http_code}' "$base/media/$photo")" = "200" ] ||
    fail "/media/$photo is not served from disk"
[ "$(header "$base/media/$photo" x-content-type-options)" = "nosniff" ] ||
    fail "/media/ files lack X-Content-Type-Options: nosniff"
header "$base/media/$photo" content-security-policy | grep -q "sandbox" ||
    fail "/media/ files lack their sandboxing Content-Security-Policy"
mkdir -p "$media_root/documents"
echo "private" >"$media_root/documents/smoke-private.txt"
[ "$(curl -ks -o /dev/null -w '%{http_code}' "$base/media/documents/smoke-private.txt")" = "404" ] ||
    fail "a document is served straight from disk (its privacy would be bypassed)"
rm -f "$media_root/documents/smoke-private.txt"

head -c $((13 * 1024 * 1024)) /dev/zero >"$work/nginx/too-big.bin"
status=$(curl -ks -o /dev/null -w '%{http_code}' --data-binary "@$work/nginx/too-big.bin" \
    "$base/referencer-mon-commerce/")
[ "$status" = "413" ] || fail "a 13 MB request body answered $status, not 413"
status=$(curl -ks -o /dev/null -w '%{http_code}' "$base/media/x.php")
[ "$status" = "404" ] || fail "/media/x.php answered $status, not 404"
echo "nginx smoke run passed (HTTP/2 over TLS, redirect, gzip, /media/ headers, documents, 413)."
