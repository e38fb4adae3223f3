"""The search index can be interrupted (a process killed after its commit, an engine
down); what it missed is found and indexed again (``search.indexing``)."""

import io
import os

import pytest
from django.core.management import call_command
from modelsearch.backends import get_search_backends_with_name

from merchants.exports import COLUMNS
from merchants.models import MerchantPage
from search.backends.base import IndexEntry
from search.models import IndexedPage
from tests.search.conftest import backend_for

ON_ENGINE = pytest.mark.skipif(
    bool(os.environ.get("SEARCH_URL")),
    reason="the ledger test names the database backend; its OpenSearch version is still to write",
)


pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)


def catalogue(tmp_path, count, word="Bretzelerie"):
    rows = [
        f"rec-{number},{word} numéro {number},Boulangerie-pâtisserie,26347,,26600,,,,,,"
        f"Spécialités alsaciennes.,,,"
        for number in range(count)
    ]
    path = tmp_path / "catalogue.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def run(command, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def found(word):
    results = backend_for("database").search(word, MerchantPage)
    return {merchant.external_id for merchant in results}


def test_an_import_is_searchable_even_if_the_process_dies_right_after_its_commit(
    tmp_path, django_capture_on_commit_callbacks
):
    # Callbacks captured and never run: the process died as the transaction committed.
    with django_capture_on_commit_callbacks(execute=False):
        out, _err = run("import_merchants", str(catalogue(tmp_path, 12)))
    assert "12 commerces créés" in out
    assert found("Bretzelerie") == {f"rec-{number}" for number in range(12)}


@ON_ENGINE
def test_running_the_import_again_indexes_what_the_index_lost(tmp_path):
    path = catalogue(tmp_path, 12)
    run("import_merchants", str(path))
    imported = MerchantPage.objects.filter(external_id__startswith="rec-")
    # The index lost those merchants (an interrupted rebuild, a restored table...).
    IndexEntry.objects.filter(
        object_id__in=[str(pk) for pk in imported.values_list("pk", flat=True)]
    ).delete()
    assert found("Bretzelerie") == set()

    out, err = run("import_merchants", str(path))

    assert "0 commerces créés, 0 mis à jour, 12 inchangés" in out
    assert "« default » : 12 pages manquantes ou périmées indexées." in out
    assert err == ""
    assert found("Bretzelerie") == {f"rec-{number}" for number in range(12)}
    out, _err = run("import_merchants", str(path))
    assert "indexée" not in out  # nothing left to do


@ON_ENGINE
def test_reconcile_command_indexes_a_publication_whose_indexing_was_lost():
    merchant = MerchantPage.objects.live().filter(locale__language_code="fr").first()
    before = MerchantPage.objects.get(pk=merchant.pk)
    merchant.title = "Quincaillerie Zéphyrine"
    merchant.save_revision().publish()
    # The write of the new version was lost (engine down, process killed): every
    # backend still holds the version before.
    for _alias, backend in get_search_backends_with_name(with_auto_update=True):
        backend.add(before)
    assert merchant.external_id not in found("Zéphyrine")

    out, _err = run("reconcile_search_index", "--dry-run")
    assert "« default » : 1 page à indexer." in out
    assert merchant.external_id not in found("Zéphyrine")

    out, _err = run("reconcile_search_index")
    assert "« default » : 1 page manquante ou périmée indexée." in out
    assert found("Zéphyrine") == {merchant.external_id}
    out, _err = run("reconcile_search_index")
    assert out == ""  # quiet when there is nothing to do (cron)
    out, _err = run("reconcile_search_index", "--verbosity", "2")
    assert "« default » : 0 " in out
    merchant.refresh_from_db()
    assert IndexedPage.objects.get(page=merchant).live_revision == merchant.live_revision_id


def test_every_configured_backend_records_what_it_holds():
    merchant = MerchantPage.objects.live().first()
    for alias, backend in get_search_backends_with_name(with_auto_update=True):
        backend.add(merchant)
        record = IndexedPage.objects.get(backend=alias, page=merchant)
        assert record.live_revision == merchant.live_revision_id
        assert record.path == merchant.path
