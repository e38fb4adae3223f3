"""What gets indexed, and the index following the site's life (edit, unpublish, delete)."""

import pytest
from django.db import connection
from wagtail.models import Site

from merchants.models import MerchantPage
from search.backends.config import FALLBACK_ALIAS
from search.backends.engine import has_fallback
from search.documents import build_documents
from search.query import plan_query
from search.scope import SearchScope
from tests.search.conftest import ENGINES, backend_for, index_everywhere


@pytest.fixture
def quai(db):
    return MerchantPage.objects.get(title="Boulangerie du Quai", locale__language_code="fr")


def titles(engine, query, language="fr"):
    scope = SearchScope.for_site(Site.objects.get(is_default_site=True), language)
    result = backend_for(engine).site_search(plan_query(query), scope, 0, 20, with_facets=False)
    pages = {
        page.pk: page.title
        for page in MerchantPage.objects.filter(pk__in=[h[0] for h in result.hits])
    }
    return [pages.get(page_id) for page_id, _score in result.hits]


def test_a_merchant_document_knows_roles_services_and_days(quai):
    ((_obj, document),) = build_documents([quai])
    assert document.kind == "merchant"
    assert document.language == "fr"
    assert document.name.startswith("Boulangerie du Quai")
    # The category, then what the commerce vocabulary says it stands for.
    assert document.categories.startswith("Boulangerie-pâtisserie ")
    assert {"bread", "viennoiserie"} <= set(document.categories.split())
    assert document.commune.startswith("Tournon-sur-Rhône 07300")
    assert "Vente à emporter" in document.body  # services weigh as the body
    assert "Bakery" in document.keywords  # the English name, for the English site
    # Opening days are asked of the open periods when searching, never indexed.
    assert "ouvert" not in document.keywords
    assert document.suggest == "Boulangerie du Quai"
    assert set(document.services) == {"takeaway", "call_collect"}


def test_documents_of_a_batch_cost_a_fixed_number_of_queries(django_assert_max_num_queries):
    merchants = list(MerchantPage.get_indexed_objects()[:40])
    with django_assert_max_num_queries(4):
        build_documents(merchants)


@pytest.mark.parametrize("engine", ENGINES)
def test_an_edited_description_is_found(engine, quai):
    quai.description = "Pains au levain, fouaces et brioches vendéennes."
    quai.save()
    index_everywhere(MerchantPage, [quai])
    try:
        assert titles(engine, "fouaces") == ["Boulangerie du Quai"]
    finally:
        quai.refresh_from_db()


@pytest.mark.parametrize("engine", ENGINES)
def test_unpublished_merchants_are_not_listed(engine, quai):
    quai.unpublish()
    index_everywhere(MerchantPage, [MerchantPage.objects.get(pk=quai.pk)])
    assert "Boulangerie du Quai" not in titles(engine, "boulangerie")


def test_deleting_a_page_removes_its_full_text_row(quai):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own FTS table")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM search_fts")
        before = cursor.fetchone()[0]
        # Its offers (child pages) are deleted with it.
        removed = 1 + quai.get_descendants().count()
        quai.delete()
        cursor.execute("SELECT COUNT(*) FROM search_fts")
        assert cursor.fetchone()[0] == before - removed


@pytest.mark.parametrize("engine", ENGINES)
def test_restricted_pages_are_not_listed(engine, quai):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=quai, restriction_type="login")
    assert "Boulangerie du Quai" not in titles(engine, "boulangerie")


def test_update_index_rebuilds_the_sqlite_table(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's own FTS table")
    from django.core.management import call_command

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts")
    call_command(
        "update_index", backend_name=FALLBACK_ALIAS if has_fallback() else "default", verbosity=0
    )
    assert "Boulangerie du Quai" in titles("database", "boulangerie")


@pytest.fixture(autouse=True)
def restore_engine_documents(request, db):
    """OpenSearch is not rolled back with the test's transaction: index the demo
    merchant as it was before the test once the test is over."""
    original = MerchantPage.objects.get(title="Boulangerie du Quai", locale__language_code="fr")
    yield
    if (
        request.node.callspec.params.get("engine") == "opensearch"
        if hasattr(request.node, "callspec")
        else False
    ):
        index_everywhere(MerchantPage, [original])
