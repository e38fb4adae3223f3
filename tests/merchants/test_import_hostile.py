"""``import_merchants`` on hostile or broken files: a clear message (``ligne N : colonne :
message`` or one about the file), never a traceback, and nothing written."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from merchants.models import MerchantPage
from tests.merchants.test_import import GOOD_ROWS, HEADER, state, write

pytestmark = pytest.mark.django_db

GOOD = {
    "external_id": "h-1",
    "name": "Épicerie du Port",
    "category": "Épicerie",
    "commune": "26347",
}


def refused(path):
    """The command's errors (stderr lines and final message); asserts nothing changed."""
    before = state()
    err = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_merchants", str(path), stdout=io.StringIO(), stderr=err)
    assert state() == before
    assert not MerchantPage.objects.filter(external_id__startswith="h-").exists()
    return err.getvalue().splitlines(), str(error.value)


def csv_file(tmp_path, *rows, name="h.csv"):
    return write(tmp_path, name, "\n".join([HEADER, *rows]) + "\n")


def json_file(tmp_path, text, name="h.json"):
    return write(tmp_path, name, text if isinstance(text, str) else json.dumps(text))


def csv_row(**values):
    return ",".join(values.get(column, GOOD.get(column, "")) for column in HEADER.split(","))


@pytest.mark.parametrize(
    ("latitude", "longitude", "column", "message"),
    [
        ("1e308", "4.85", "latitude", "La latitude est comprise entre -90 et 90"),
        ("-1e308", "4.85", "latitude", "La latitude est comprise entre -90 et 90"),
        ("1E+999999999", "4.85", "latitude", "La latitude est comprise entre -90 et 90"),
        ("1" * 400, "4.85", "latitude", "La latitude est comprise entre -90 et 90"),
        ("45.07", "-181", "longitude", "La longitude est comprise entre -180 et 180"),
        ("45.07", "9" * 30, "longitude", "La longitude est comprise entre -180 et 180"),
        ("NaN", "4.85", "latitude", "nombre attendu"),
        ("45.07", "Infinity", "longitude", "nombre attendu"),
        ("-inf", "4.85", "latitude", "nombre attendu"),
        ("0x2D", "4.85", "latitude", "nombre attendu"),
        ("45.07", '"4,8,5"', "longitude", "nombre attendu"),
        ("48.8566", "2.3522", "latitude", "hors du territoire"),
    ],
)
def test_coordinates_out_of_range_are_row_errors(tmp_path, latitude, longitude, column, message):
    lines, summary = refused(csv_file(tmp_path, csv_row(latitude=latitude, longitude=longitude)))
    assert lines[0].startswith(f"ligne 2 : {column} : "), lines
    assert message in lines[0]
    assert len(lines[0]) < 400  # a 400-digit number is not echoed whole
    assert "aucun commerce n'a été importé" in summary


def test_json_numbers_out_of_range_are_row_errors(tmp_path):
    text = json.dumps([{**GOOD, "latitude": 1e308, "longitude": 4.85}])
    lines, _summary = refused(json_file(tmp_path, text))
    assert lines[0].startswith("ligne 1 : latitude : La latitude est comprise entre -90 et 90")


def test_json_nested_too_deep_is_a_file_error(tmp_path):
    _lines, message = refused(json_file(tmp_path, "[" + "[" * 100_000 + "]" * 100_000 + "]"))
    assert "imbriqué" in message
    _lines, message = refused(json_file(tmp_path, "{" + '"a":{' * 100_000 + "}" * 100_001))
    assert "imbriqué" in message


def test_json_nested_inside_a_value_is_a_row_error(tmp_path):
    deep = "[" * 500 + "]" * 500
    text = '[{"external_id": "h-1", "name": ' + deep + ', "commune": "26347"}]'
    lines, _summary = refused(json_file(tmp_path, text))
    assert lines[0].startswith("ligne 1 : name : ")


@pytest.mark.parametrize(
    "text",
    [
        json.dumps([GOOD]) + " garbage",
        json.dumps([GOOD]) + "]",
        json.dumps([GOOD]) + json.dumps([GOOD]),
        json.dumps([GOOD]) + "\n\n{}",
        json.dumps([GOOD]) + ",",
    ],
)
def test_anything_after_the_json_list_is_refused(tmp_path, text):
    _lines, message = refused(json_file(tmp_path, text))
    assert "Fichier JSON mal formé" in message
    assert "après la fin de la liste" in message


@pytest.mark.parametrize(
    ("changes", "column", "message"),
    [
        ({"name": 123}, "name", "texte attendu"),
        ({"postcode": 7300}, "postcode", "texte attendu"),
        ({"external_id": 17}, "external_id", "texte attendu"),
        ({"name": {"fr": "Épicerie"}}, "name", "texte attendu"),
        ({"name": ["Épicerie"]}, "name", "texte attendu"),
        ({"phone": True}, "phone", "texte attendu"),
        ({"category": {"name": "Épicerie"}}, "category", "liste de textes attendue"),
        ({"category": [1, 2]}, "category", "liste de textes attendue"),
        ({"services": [["delivery"]]}, "services", "liste de textes attendue"),
        ({"latitude": "45.07", "longitude": [4.85]}, "longitude", "nombre attendu"),
        ({"latitude": {"value": 45}, "longitude": 4.85}, "latitude", "nombre attendu"),
    ],
)
def test_json_values_of_the_wrong_type_are_row_errors(tmp_path, changes, column, message):
    lines, _summary = refused(json_file(tmp_path, [{**GOOD, **changes}]))
    assert [line for line in lines if line.startswith(f"ligne 1 : {column} : ")], lines
    assert message in "\n".join(lines)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2]", "ligne 1 : - : un objet"),
        ('["h-1"]', "ligne 1 : - : un objet"),
    ],
)
def test_json_items_must_be_objects(tmp_path, text, message):
    lines, _summary = refused(json_file(tmp_path, text))
    assert lines[0].startswith(message)


@pytest.mark.parametrize(
    "text",
    [
        '[{"external_id": "h-1", "name": NaN, "commune": "26347"}]',
        '[{"external_id": "h-1", "latitude": Infinity, "commune": "26347"}]',
        '[{"external_id": "h-1", "latitude": ' + "9" * 5000 + ', "commune": "26347"}]',
    ],
)
def test_json_that_is_not_json_is_a_file_error(tmp_path, text):
    _lines, message = refused(json_file(tmp_path, text))
    assert "Fichier JSON mal formé à la ligne 1" in message


@pytest.mark.parametrize(
    ("values", "column", "message"),
    [
        (
            {"website": "https://commerce.example/" + "a" * 300},
            "website",
            "200 caractères au plus",
        ),
        ({"email": "a" * 64 + "@" + "b" * 250 + ".example"}, "email", ""),
        ({"category": "C" * 120}, "category", "80 caractères au plus"),
        ({"opening_hours": "Mo 09:00-12:00;" * 60}, "opening_hours", "500 caractères au plus"),
        ({"description": "d" * 600}, "description", "500 caractères au plus"),
        ({"commune": "X" * 100_000}, "commune", "100 caractères au plus"),
        ({"commune": "X" * 90}, "commune", "commune inconnue : « XXX"),
        ({"phone": "0" * 5000}, "phone", ""),
        ({"postcode": "²²²²²"}, "postcode", "cinq chiffres"),
    ],
)
def test_huge_or_odd_text_is_a_row_error(tmp_path, values, column, message):
    lines, _summary = refused(csv_file(tmp_path, csv_row(**values)))
    assert lines[0].startswith(f"ligne 2 : {column} : "), lines[0][:300]
    assert message in lines[0]
    assert len(lines[0]) < 500  # the value is not echoed whole


def test_duplicated_external_id_in_json(tmp_path):
    text = json.dumps([GOOD, {**GOOD, "name": "Autre"}], indent=1)
    lines, _summary = refused(json_file(tmp_path, text))
    assert lines == ["ligne 8 : external_id : « h-1 » figure déjà ligne 2."]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("vide.json", "", "Le fichier est vide."),
        ("blanc.json", "  \n\t ", "Le fichier est vide."),
        ("blanc.csv", " \n \n", "Le fichier est vide."),
        ("bom.json", "\ufeff", "Le fichier est vide."),
    ],
)
def test_empty_files(tmp_path, name, content, message):
    _lines, error = refused(write(tmp_path, name, content))
    assert message in error


def test_wrong_encoding_is_a_file_error(tmp_path):
    path = tmp_path / "binaire.csv"
    path.write_bytes(HEADER.encode() + b"\nh-1,\x81\x8d\x8f\x90\x9d,Epicerie,26347\n")
    _lines, message = refused(path)
    assert "Encodage du fichier inconnu" in message


def test_files_with_a_byte_order_mark_import(tmp_path):
    csv_path = write(tmp_path, "bom.csv", "\ufeff" + "\n".join([HEADER, GOOD_ROWS[0]]))
    call_command("import_merchants", str(csv_path), stdout=io.StringIO())
    json_path = write(tmp_path, "bom.json", "\ufeff" + json.dumps([GOOD]))
    call_command("import_merchants", str(json_path), stdout=io.StringIO())
    assert MerchantPage.objects.filter(external_id__in=["imp-1", "h-1"]).count() == 2


def test_excel_unicode_text_is_read(tmp_path):
    """Excel's "Texte Unicode" is UTF-16 with tabs."""
    path = tmp_path / "excel.csv"
    text = "external_id\tname\tcategory\tcommune\r\nh-1\tCrèmerie Éloïse\tFromagerie\tÉrôme\r\n"
    path.write_bytes(text.encode("utf-16"))
    call_command("import_merchants", str(path), stdout=io.StringIO())
    assert MerchantPage.objects.get(external_id="h-1").title == "Crèmerie Éloïse"


def test_csv_cell_longer_than_the_csv_reader_allows(tmp_path):
    _lines, message = refused(csv_file(tmp_path, csv_row(description="d" * 200_000)))
    assert "Fichier CSV mal formé à la ligne" in message
    assert "une cellule dépasse 131072 caractères" in message


def test_messages_in_english(tmp_path):
    path = json_file(tmp_path, [{**GOOD, "postcode": 7300, "latitude": 1e308, "longitude": 4.8}])
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_merchants", str(path), "--language", "en", stdout=io.StringIO(), stderr=err
        )
    assert err.getvalue().startswith("line 1: postcode: text in double quotes is expected")
    path = json_file(tmp_path, json.dumps([GOOD]) + " ]", name="extra.json")
    with pytest.raises(CommandError) as error:
        call_command("import_merchants", str(path), "--language", "en", stdout=io.StringIO())
    assert "data after the end of the list" in str(error.value)
