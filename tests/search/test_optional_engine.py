"""The search extra (opensearch-py, elasticsearch) is optional: without it and without
SEARCH_URL, publishing, searching and indexing work (the README's production install).
CI also runs that install for real (.ci/production-smoke.sh)."""

import os
import sys

import pytest

from home.models import StandardPage

ON_ENGINE = pytest.mark.skipif(
    bool(os.environ.get("SEARCH_URL")),
    reason="the site without any engine: meaningless while SEARCH_URL names one",
)


pytestmark = pytest.mark.django_db

ENGINE_MODULES = ("opensearchpy", "elasticsearch")


@pytest.fixture
def without_engine_clients(monkeypatch):
    """Make ``import opensearchpy`` (and elasticsearch) fail, as in a venv without them."""
    for name in list(sys.modules):
        if name.split(".")[0] in ENGINE_MODULES or name in (
            "search.backends.opensearch",
            "search.backends.elasticsearch",
            "modelsearch.backends.opensearch3",
            "modelsearch.backends.elasticsearch7",
        ):
            monkeypatch.delitem(sys.modules, name)
    for name in ENGINE_MODULES:
        monkeypatch.setitem(sys.modules, name, None)  # None: "import name" raises ImportError


@ON_ENGINE
def test_publishing_and_searching_without_the_search_extra(without_engine_clients, client):
    with pytest.raises(ImportError):
        import opensearchpy  # noqa: F401
    page = StandardPage.objects.filter(locale__language_code="fr", live=True).first()
    page.title = "Permanence juridique des commerçants"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.title == "Permanence juridique des commerçants"
    response = client.get("/recherche/", {"q": "permanence juridique"})
    assert response.status_code == 200
    assert "Permanence juridique des commerçants" in response.content.decode()
    assert sys.modules["opensearchpy"] is None  # still never imported
