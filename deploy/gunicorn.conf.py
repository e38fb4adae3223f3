"""gunicorn's configuration for site_cms: ``gunicorn -c deploy/gunicorn.conf.py site_cms.wsgi``
(the web unit, deploy/systemd/site_cms-web.service, runs exactly that).

Sync workers: a page renders in milliseconds and waits on nothing but the database, and
anonymous traffic is answered by Varnish before it reaches gunicorn. Values can be
changed without editing this file with ``GUNICORN_CMD_ARGS`` (e.g. ``--bind``).
"""

import multiprocessing
import os

# Behind nginx (and Varnish) on the same machine: loopback only.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# Two per core plus one, at most eight: each worker holds a database connection.
workers = int(os.environ.get("GUNICORN_WORKERS", min(multiprocessing.cpu_count() * 2 + 1, 8)))
worker_class = "sync"
# A request slower than this is a bug or an attack; the worker is replaced.
timeout = 30
# systemd's stop (SIGTERM) lets running requests finish first.
graceful_timeout = 20
keepalive = 5
# Workers are recycled now and then (at different moments), so that memory a request
# took once is given back.
max_requests = 5000
max_requests_jitter = 500
# The request line and headers a browser sends are far below these.
limit_request_line = 8190
limit_request_fields = 100
# nginx terminates TLS and says so in X-Forwarded-Proto; trust it from loopback only.
forwarded_allow_ips = "127.0.0.1,::1"
# Logs to stdout/stderr: journald keeps them (journalctl -u site_cms-web).
accesslog = "-"
errorlog = "-"
# Each worker loads the application itself, so that ``systemctl reload site_cms-web``
# (SIGHUP: new workers, then the old ones finish) runs the new code of a deployment.
preload_app = False
