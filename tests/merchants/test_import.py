"""``manage.py import_merchants``: create, update, check everything first, write nothing
when anything is wrong."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, PageLogEntry, Revision

from merchants.exports import COLUMNS
from merchants.importer import MAX_FILE_SIZE
from merchants.models import Category, MerchantPage, OpenPeriod

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)
GOOD_ROWS = [
    # external_id,name,category,commune,address,postcode,latitude,longitude,phone,email,
    # website,description,services,opening_hours,wheelchair
    "imp-1,Torréfaction du Vieux Pont,BOULANGERIE PATISSERIE;Torréfacteur,26347,"
    "5 rue des Grains,26600,45.071000,4.846000,04 65 71 44 01,cafe@torrefaction.example,"
    "https://torrefaction.example/,Cafés torréfiés sur place.,click_collect;delivery,"
    '"Tu-Sa 09:00-12:30,14:30-19:00; PH off",yes',
    "imp-2,Le Panier de Plats,épicerie fine,plats,,07300,,,+33465714402,,,,,,limited",
]


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_merchants", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def state():
    """Everything an import may write, counted."""
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Category.objects.count(),
        OpenPeriod.objects.count(),
        PageLogEntry.objects.count(),
    )


def test_csv_import_creates_published_merchants(tmp_path, directory):
    path = write(tmp_path, "commerces.csv", "\n".join([HEADER, *GOOD_ROWS]) + "\n")
    out, err = run(path)
    assert "2 commerces créés, 0 mis à jour, 0 inchangés" in out
    assert "Nouvelles catégories : Torréfacteur" in out
    roaster = MerchantPage.objects.get(external_id="imp-1")
    assert roaster.live and roaster.live_revision_id == roaster.latest_revision_id
    assert roaster.get_parent().pk == directory.pk
    assert roaster.url == "/commerces/torrefaction-du-vieux-pont/"
    assert roaster.phone == "+33465714401"
    assert [c.name for c in roaster.categories.order_by("name")] == [
        "Boulangerie-pâtisserie",  # matched ignoring case, accents and hyphens
        "Torréfacteur",  # created
    ]
    assert [s.value for s in roaster.services] == ["click_collect", "delivery"]
    grocer = MerchantPage.objects.get(external_id="imp-2")
    assert grocer.commune.name == "Plats"  # found by name
    assert grocer.wheelchair == "partial"  # OpenStreetMap's "limited"
    assert grocer.latitude is None
    # The tree, the history and the "open now" index are complete.
    assert Page.find_problems() == ([], [], [], [], [])
    assert PageLogEntry.objects.filter(page=roaster, action="wagtail.publish").exists()
    assert OpenPeriod.objects.filter(merchant=roaster).exists()
    assert Revision.objects.get(pk=roaster.live_revision_id).content["phone"] == "+33465714401"


def test_imported_merchants_can_be_searched(tmp_path, django_capture_on_commit_callbacks):
    path = write(tmp_path, "s.csv", "\n".join([HEADER, *GOOD_ROWS]))
    with django_capture_on_commit_callbacks(execute=True):
        run(path)
    results = MerchantPage.objects.live().search("Torréfaction")
    assert [merchant.external_id for merchant in results] == ["imp-1"]


def test_json_import_and_update_by_external_id(tmp_path, directory):
    rows = [
        {
            "external_id": "j-1",
            "name": "Atelier JSON",
            "category": ["Fleuriste"],
            "commune": "07324",
            "latitude": 45.067,
            "longitude": 4.833,
            "opening_hours": "Mo-Fr 09:00-18:00",
        },
        {"external_id": "j-2", "name": "Autre JSON", "category": "Fleuriste", "commune": "Mauves"},
    ]
    run(write(tmp_path, "a.json", json.dumps(rows)))
    first = MerchantPage.objects.get(external_id="j-1")
    untouched = MerchantPage.objects.get(external_id="j-2")
    revisions = Revision.objects.count()

    rows[0]["opening_hours"] = "Mo-Sa 09:00-19:00"
    rows[0]["phone"] = "04 65 71 00 99"
    out, _err = run(write(tmp_path, "b.json", json.dumps(rows)))
    assert "0 commerces créés, 1 mis à jour, 1 inchangés" in out
    first.refresh_from_db()
    assert first.opening_hours == "Mo-Sa 09:00-19:00"
    assert first.phone == "+33465710099"
    assert Revision.objects.count() == revisions + 1  # only the changed merchant
    assert untouched.revisions.count() == 1
    assert MerchantPage.objects.filter(external_id="j-1").count() == 1


def test_dry_run_writes_nothing(tmp_path):
    before = state()
    out, _err = run(write(tmp_path, "c.csv", "\n".join([HEADER, *GOOD_ROWS])), "--dry-run")
    assert "Simulation, rien n'a été écrit : 2 commerces créés" in out
    assert state() == before


def test_draft_import_waits_for_review(tmp_path):
    path = write(tmp_path, "d.csv", "\n".join([HEADER, *GOOD_ROWS]))
    out, _err = run(path, "--draft")
    assert "brouillon" in out
    roaster = MerchantPage.objects.get(external_id="imp-1")
    assert not roaster.live and roaster.has_unpublished_changes
    assert not OpenPeriod.objects.filter(merchant=roaster).exists()

    demo = MerchantPage.objects.get(external_id="demo-001", locale__language_code="fr")
    changed = (
        f"{HEADER}\ndemo-001,Boulangerie du Quai,Boulangerie-pâtisserie,07324,,,,,0465719999,,,,,,"
    )
    run(write(tmp_path, "e.csv", changed), "--draft")
    demo.refresh_from_db()
    assert demo.phone == "+33465710001"  # the live page is unchanged...
    assert demo.has_unpublished_changes
    assert demo.get_latest_revision().content["phone"] == "+33465719999"  # ...the draft has it


def test_every_error_is_reported_with_its_line_and_nothing_is_written(tmp_path):
    rows = [
        HEADER,
        GOOD_ROWS[0],  # line 2 is fine
        "bad-3,Sans téléphone,Fleuriste,26347,,,,,12 34,,,,,,",
        "bad-4,Ville inconnue,Fleuriste,Paris,,,,,,,,,,,",
        "bad-5,Horaires,Fleuriste,26347,,,,,,,,,,lundi 9h-18h,",
        "bad-6,Loin,Fleuriste,26347,,,48.856600,2.352200,,,,,teleportation,,",
        "imp-1,Doublon,Fleuriste,26347,,,,,,,,,,,maybe",
        ",,,26347,,,,,,pas-un-courriel,ftp://x.example,,,,",
    ]
    before = state()
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, "errors.csv", "\n".join(rows)))
    assert "erreurs : aucun commerce n'a été importé" in str(error.value)
    assert state() == before
    assert not Category.objects.filter(name="Torréfacteur").exists()


def test_error_lines_are_readable(tmp_path, capsys):
    rows = [
        HEADER,
        "bad-2,Sans téléphone,Fleuriste,26347,,,,,12 34,,,,,,",
        "bad-3,Ville inconnue,Fleuriste,Paris,,,,,,,,,,,",
        "bad-4,Loin,Fleuriste,26347,,,48.856600,2.352200,,,,,teleportation,,",
    ]
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_merchants",
            str(write(tmp_path, "e.csv", "\n".join(rows))),
            stdout=io.StringIO(),
            stderr=err,
        )
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("ligne 2 : phone : « 12 34 » n'est pas un numéro de téléphone")
    assert lines[1] == "ligne 3 : commune : commune inconnue : « Paris » (nom ou code INSEE)."
    assert lines[2].startswith(
        "ligne 4 : latitude : Ce point (48.856600, 2.352200) est hors du territoire"
    )
    assert "ligne 4 : services : service inconnu : « teleportation »" in err.getvalue()


def test_json_errors_point_to_the_line_of_the_object(tmp_path):
    text = (
        '[\n  {"external_id": "ok", "name": "Bon", "category": "Fleuriste", '
        '"commune": "26347"},\n  {"external_id": "ko",\n   "name": "Mauvais", '
        '"category": "Fleuriste", "commune": "Lyon"}\n]'
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_merchants",
            str(write(tmp_path, "e.json", text)),
            stdout=io.StringIO(),
            stderr=err,
        )
    assert err.getvalue().startswith("ligne 3 : commune : commune inconnue : « Lyon »")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vide.csv", "", "Le fichier est vide."),
        (
            "colonnes.csv",
            "nom,ville\nA,B\n",
            "Colonnes obligatoires absentes : external_id, name, commune",
        ),
        (
            "guillemet.csv",
            f'{HEADER}\nx,"Nom jamais fermé,Fleuriste,26347\n',
            "Fichier CSV mal formé",
        ),
        ("liste.json", '{"external_id": "x"}', "doit contenir une liste d'objets"),
        (
            "virgule.json",
            '[{"external_id": "x"} {"external_id": "y"}]',
            "Fichier JSON mal formé à la ligne 1",
        ),
        ("coupe.json", '[{"external_id": "x", "name":', "Fichier JSON mal formé à la ligne 1"),
        ("tableur.xlsx", "PK", "utilisez un fichier .csv ou .json"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(tmp_path, name, content, message):
    before = state()
    with pytest.raises(CommandError) as error:
        run(write(tmp_path, name, content))
    assert message in str(error.value)
    assert state() == before


def test_files_over_the_size_limit_are_refused_before_reading(tmp_path):
    path = tmp_path / "enorme.csv"
    with path.open("w") as handle:
        handle.write(HEADER + "\n")
        handle.write("x" * (MAX_FILE_SIZE - len(HEADER)))
    assert path.stat().st_size == MAX_FILE_SIZE + 1
    with pytest.raises(CommandError) as error:
        run(path)
    assert "au-delà de la limite de 10,0" in str(error.value)


def test_spreadsheet_csv_with_semicolons_and_windows_encoding(tmp_path):
    text = (
        "external_id;name;category;commune;services\r\n"
        "xl-1;Crèmerie Éloïse;Fromagerie;Érôme;takeaway, delivery\r\n"
    )
    out, _err = run(write(tmp_path, "excel.csv", text, encoding="cp1252"))
    merchant = MerchantPage.objects.get(external_id="xl-1")
    assert merchant.title == "Crèmerie Éloïse"
    assert merchant.commune.insee_code == "26119"
    assert [s.value for s in merchant.services] == ["delivery", "takeaway"]
    assert "1 commerces créés" in out


def test_columns_left_out_are_left_alone(tmp_path):
    demo = MerchantPage.objects.get(external_id="demo-001", locale__language_code="fr")
    text = "external_id,name,commune,phone\ndemo-001,Boulangerie du Quai,07324,04 65 71 77 77\n"
    run(write(tmp_path, "partial.csv", text))
    demo.refresh_from_db()
    assert demo.phone == "+33465717777"
    assert demo.opening_hours.startswith("Tu-Sa 06:30")  # no opening_hours column: kept
    assert demo.categories.count() == 1


def test_unknown_columns_are_ignored_with_a_notice(tmp_path):
    text = "external_id,name,category,commune,couleur\nu-1,Nouveau,Fleuriste,26347,bleu\n"
    out, _err = run(write(tmp_path, "extra.csv", text))
    assert "Colonnes ignorées : couleur" in out
    assert MerchantPage.objects.filter(external_id="u-1").exists()


def test_imported_facts_reach_the_english_translation(tmp_path):
    english = MerchantPage.objects.get(external_id="demo-001", locale__language_code="en")
    english_description = english.description
    text = "external_id,name,commune,phone\ndemo-001,Boulangerie du Quai,07324,04 65 71 77 78\n"

    run(write(tmp_path, "partial.csv", text))

    english.refresh_from_db()
    assert english.phone == "+33465717778"
    assert english.description == english_description


def _planner_rows(model):
    """The number of rows PostgreSQL's planner believes ``model``'s table has."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table]
        )
        return cursor.fetchone()[0]


def test_an_import_refreshes_the_planner_statistics(tmp_path):
    """Statistics of an emptier table once made the planner nest loops that took 49 s
    on the demo's 62 merchants; an import analyses the tables it filled."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's; SQLite keeps none unless asked")
    path = write(tmp_path, "commerces.csv", "\n".join([HEADER, *GOOD_ROWS]) + "\n")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE merchants_merchantpage")
    before = _planner_rows(MerchantPage)
    run(path)
    assert _planner_rows(MerchantPage) == before + 2 == MerchantPage.objects.count()
    assert _planner_rows(MerchantPage.categories.through) == (
        MerchantPage.categories.through.objects.count()
    )
