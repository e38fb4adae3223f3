"""A real Varnish (Debian's varnishd, with deploy/varnish/site.vcl) in front of the live
server, purged by Wagtail's frontend cache exactly as in production.

Without varnishd the tests are skipped with a message, except under CI where they fail.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.cache import cache
from wagtail.models import Site

from tests import demo_snapshot

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "site.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def varnish(live_server):
    """``http://localhost:<port>`` of a varnishd whose backend is the live server."""
    if not Path(VARNISHD).exists():
        if os.environ.get("CI"):
            pytest.fail("varnishd is missing: CI must install Debian's varnish.")
        pytest.skip("varnishd not found: install Debian's varnish to run the cache tests.")
    backend_port = live_server.url.rsplit(":", 1)[1]
    port = free_port()
    workdir = Path(tempfile.mkdtemp(prefix="site_cms-varnish-"))
    vcl = workdir / "site.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8001";', f'.port = "{backend_port}";'))
    os.chmod(workdir, 0o755)  # noqa: S103 - varnishd's worker runs as another user
    process = subprocess.Popen(  # noqa: S603
        [
            VARNISHD,
            "-F",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(vcl),
            "-n",
            str(workdir / "instance"),
            "-s",
            "malloc,64m",
            "-p",
            "ban_lurker_sleep=0.01",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://localhost:{port}"
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"varnishd did not start: {process.stderr.read().decode()}")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def site_behind_varnish(varnish, transactional_db, settings):
    """The demo, committed, served as http://localhost:<varnish port> (the Site's own
    address, which purges name), with Wagtail purging that Varnish and pages kept in
    Django's cache too, as in production."""
    demo_snapshot.restore()
    port = int(varnish.rsplit(":", 1)[1])
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=port)
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "home.caching.VarnishBackend", "LOCATION": varnish}
    }
    settings.PAGE_CACHE_STORE = True
    cache.clear()
    ban_everything(varnish)
    return varnish


def ban_everything(varnish):
    host = varnish.split("//", 1)[1]
    request = urllib.request.Request(  # noqa: S310 - loopback
        f"{varnish}/", method="BAN", headers={"Host": host}
    )
    urllib.request.urlopen(request, timeout=5).read()  # noqa: S310 - loopback


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.text = status, headers, body

    @property
    def cache(self):
        return self.headers.get("X-Cache")


class _KeepRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are answers too: the test sees them instead of following them."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_KeepRedirects)


def fetch(url, **headers):
    """An anonymous GET (no cookie unless given), as a browser would send it; a redirect
    is returned, not followed."""
    request = urllib.request.Request(url, headers={"User-Agent": "test", **headers})  # noqa: S310
    try:
        with _opener.open(request, timeout=30) as response:
            return Response(response.status, response.headers, response.read().decode())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read().decode())
