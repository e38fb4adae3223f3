"""``manage.py import_offers``: every error of a file with its line, then nothing
written; valid files create, update or leave offers alone; ``--dry-run`` writes
nothing; an exported file imports again unchanged."""

import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from offers.models import OfferPage

pytestmark = pytest.mark.django_db

HEADER = (
    "external_id,merchant_external_id,kind,title,description,price_mode,price,price_max,"
    "unit,availability,season,stock_quantity,valid_from,valid_until,conditions,category\n"
)
GOOD = (
    HEADER + 'fr-001,demo-002,produit,Picodon sec,Un picodon affiné six semaines.,fixe,"3,50 €",,'
    "piece,stock_limite,,8,,,,Fromagerie\n"
    + "fr-002,demo-002,promotion,Tomme -10 %,La tomme au lait cru.,fixe,17.90,,kg,en_stock,,"
    ",2027-01-05,2027-01-20,Dans la limite des stocks.,\n"
    + "fr-003,demo-001,produit,Bûche de Noël,Chocolat et marrons.,a_partir_de,24,,piece,"
    "saisonnier,12;1,,,,,\n"
)


def write(tmp_path, text, name="offres.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def imported(external_id):
    return OfferPage.objects.get(external_id=external_id, locale__language_code="fr")


def test_a_valid_file_creates_published_offers_below_their_shops(tmp_path, capsys):
    call_command("import_offers", write(tmp_path, GOOD))
    assert "3 offres créées, 0 mises à jour, 0 inchangées" in capsys.readouterr().out
    picodon = imported("fr-001")
    assert picodon.live and picodon.get_parent().specific.external_id == "demo-002"
    assert picodon.merchant.external_id == "demo-002"
    assert (picodon.price, picodon.stock_quantity) == (Decimal("3.50"), 8)
    assert [category.name for category in picodon.categories.all()] == ["Fromagerie"]
    assert imported("fr-003").season == [1, 12]
    assert imported("fr-002").valid_until.isoformat() == "2027-01-20"


def test_importing_again_changes_nothing_then_a_new_price_updates(tmp_path, capsys):
    path = write(tmp_path, GOOD)
    call_command("import_offers", path)
    revisions = imported("fr-001").revisions.count()
    call_command("import_offers", path)
    assert "0 offres créées, 0 mises à jour, 3 inchangées" in capsys.readouterr().out
    assert imported("fr-001").revisions.count() == revisions
    call_command("import_offers", write(tmp_path, GOOD.replace('"3,50 €"', "4.20")))
    assert imported("fr-001").price == Decimal("4.20")
    assert OfferPage.objects.filter(external_id="fr-001").count() == 1


def test_every_error_is_reported_with_its_line_and_nothing_is_written(tmp_path, capsys):
    before = OfferPage.objects.count()
    bad = (
        HEADER
        + "a1,demo-002,produit,Prix négatif,,fixe,-3,,piece,en_stock,,,,,,\n"
        + "a2,demo-999,produit,Shop inconnu,,fixe,3,,piece,en_stock,,,,,,\n"
        + "a3,demo-002,produit,Stock absurde,,fixe,3,,piece,stock_limite,,1000000000,,,,\n"
        + "a4,demo-002,promotion,Dates à l'envers,,fixe,3,,piece,en_stock,,,2027-02-10,"
        "2027-02-01,,\n"
        + "a5,demo-002,produit,<b>Gras</b>,,fixe,3,,piece,en_stock,,,,,,\n"
        + "a6,demo-002,cadeau,Type inconnu,,fixe,3,,piece,en_stock,,,,,,Bijouterie fine\n"
        + "a6,demo-002,produit,Doublon,,fixe,3,,piece,en_stock,13,,,,,\n"
        + GOOD.splitlines()[1]
        + "\n"
    )
    with pytest.raises(CommandError, match="erreurs : aucune offre n'a été importée"):
        call_command("import_offers", write(tmp_path, bad))
    errors = capsys.readouterr().err
    for expected in (
        "ligne 2 : price : Un prix ne peut pas être négatif",
        "ligne 3 : merchant_external_id :",
        "ligne 4 : stock_quantity :",
        "ligne 5 : valid_until :",
        "ligne 6 : title :",
        "ligne 7 : kind : valeur inconnue",
        "ligne 7 : category : catégorie inconnue : Bijouterie fine",
        "ligne 8 : external_id : cette offre est déjà à la ligne 7",
        "ligne 8 : season :",
    ):
        assert expected in errors, expected
    assert "ligne 9" not in errors
    assert OfferPage.objects.count() == before


def test_dry_run_writes_nothing(tmp_path, capsys):
    before = OfferPage.objects.count()
    call_command("import_offers", write(tmp_path, GOOD), "--dry-run")
    assert "Simulation, rien n'a été écrit : 3 offres créées" in capsys.readouterr().out
    assert OfferPage.objects.count() == before


def test_json_files_and_missing_columns(tmp_path, capsys):
    rows = [
        {
            "external_id": "j-1",
            "merchant_external_id": "demo-002",
            "title": "Faisselle",
            "price": 2.5,
            "season": ["5", "6"],
            "availability": "saisonnier",
        }
    ]
    call_command("import_offers", write(tmp_path, json.dumps(rows), "offres.json"))
    assert imported("j-1").price == Decimal("2.50") and imported("j-1").season == [5, 6]
    with pytest.raises(
        CommandError, match="Colonnes obligatoires absentes : merchant_external_id"
    ):
        call_command("import_offers", write(tmp_path, "external_id,title\nx,y\n", "bad.csv"))


def test_an_exported_file_imports_again_unchanged(client, tmp_path, capsys):
    call_command("import_offers", write(tmp_path, GOOD.replace("2027-01-05", "2026-01-05")))
    capsys.readouterr()
    exported = client.get("/offres/export.csv").content.decode()
    mine = [line for line in exported.splitlines() if line.startswith(("external_id", "fr-"))]
    call_command("import_offers", write(tmp_path, "\n".join(mine) + "\n", "export.csv"))
    output = capsys.readouterr().out
    assert "0 offres créées, 0 mises à jour" in output and "Colonnes ignorées" in output
