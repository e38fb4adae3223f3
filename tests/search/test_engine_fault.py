"""Fault test (issue 9): the search engine stops while the site is searched.

Stops the embedded OpenSearch node with ``tests/search_node/stop.sh``, checks that the
page and the API answer from the database (with a warning, no error) and that saving
a page still works, restarts the node, runs ``update_index`` and checks that the
engine answers again, including the change made while it was down.

Opt-in, because it stops and starts a process: run it with SEARCH_URL pointing at the
embedded node and SEARCH_NODE_FAULT_TEST=1 (and the same SEARCH_NODE_PORT and
SEARCH_NODE_HOME as the running node).
"""

import logging
import os
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from merchants.models import MerchantPage
from search.backends import engine as engine_module
from tests.search.conftest import index_everywhere

NODE = Path(__file__).resolve().parents[1] / "search_node"
pytestmark = pytest.mark.skipif(
    not (os.environ.get("SEARCH_URL") and os.environ.get("SEARCH_NODE_FAULT_TEST")),
    reason="fault test: set SEARCH_URL (embedded node) and SEARCH_NODE_FAULT_TEST=1 to run it",
)


def node(script):
    subprocess.run(["bash", str(NODE / script)], check=True, timeout=180)  # noqa: S603,S607


def titles(client, query):
    return [
        result["title"] for result in client.get("/api/search/", {"q": query}).json()["results"]
    ]


def test_engine_down_then_back(db, client, caplog, django_capture_on_commit_callbacks):
    quai = MerchantPage.objects.get(title="Boulangerie du Quai", locale__language_code="fr")
    original = MerchantPage.objects.get(pk=quai.pk)
    assert "Boulangerie du Quai" in titles(client, "boulangerie")
    node("stop.sh")
    try:
        with caplog.at_level(logging.WARNING):
            page = client.get("/recherche/", {"q": "boulangerie"})
            assert page.status_code == 200
            assert "Boulangerie du Quai" in page.content.decode()
            assert "Boulangerie du Quai" in titles(client, "boulangerie")
            # Saving while the engine is down: the page is saved, the database index
            # follows, the engine's failure is only logged.
            quai.title = "Boulangerie du Quai Farconnet"
            with django_capture_on_commit_callbacks(execute=True):
                quai.save_revision().publish()
            assert "Boulangerie du Quai Farconnet" in titles(client, "farconnet")
        assert any("Search engine unavailable" in r.getMessage() for r in caplog.records)
    finally:
        node("start.sh")
    engine_module.reset_circuit()
    call_command("update_index", backend_name="default", verbosity=0)
    _found, engine_used = engine_module.run(lambda backend: backend.site_search)
    assert engine_used
    assert "Boulangerie du Quai Farconnet" in titles(client, "farconnet")
    # The engine is not rolled back with the test: index the page as it was.
    index_everywhere(MerchantPage, [original])
