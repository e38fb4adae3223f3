"""Reading an import file (CSV or JSON) into rows that know their line number."""

import csv
import io
import json
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from home.spreadsheets import read_spreadsheet_text
from merchants.exports import COLUMNS

# Far above a real directory (10,000 merchants export to about 3 MB) and small enough
# to read in memory safely.
MAX_FILE_SIZE = 10 * 1024 * 1024
REQUIRED_COLUMNS = ("external_id", "name", "commune")
LIST_COLUMNS = ("category", "services")


class ImportFileError(Exception):
    """The file cannot be read at all (size, format, encoding, structure)."""


def _decode(data):
    """Text of the file: UTF-8 (with or without BOM), else Windows-1252, which is what
    spreadsheet software on Windows saves "CSV" as."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _("Encodage du fichier inconnu : enregistrez-le en UTF-8.")
        ) from error


def _value(value):
    """A JSON value as the text a CSV cell would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ";".join(_value(item) for item in value)
    return str(value)


def _check_columns(columns):
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise ImportFileError(
            _("Colonnes obligatoires absentes : %(columns)s. Colonnes attendues : %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ", ".join(COLUMNS)}
        )


def read_csv(text):
    """``(line number, {column: text})`` pairs, the header being line 1.

    Cells are read back as ``export.csv`` wrote them: the quote that keeps a spreadsheet
    from computing "=…" is removed (``home.spreadsheets.read_spreadsheet_text``)."""
    sample = text[:4096].splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t", key=sample.count) if sample else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise ImportFileError(_("Le fichier est vide."))
        columns = [column.strip() for column in header]
        _check_columns(columns)
        rows = []
        line = reader.line_num
        for cells in reader:
            number, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(columns):
                rows.append((number, {"__shape__": len(cells)}))
                continue
            cells = [read_spreadsheet_text(cell) for cell in cells]
            rows.append((number, dict(zip(columns, cells, strict=True))))
    except csv.Error as error:
        raise ImportFileError(
            _("Fichier CSV mal formé à la ligne %(line)s : %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from error
    return columns, rows


def read_json(text):
    """``(line number, {key: text})`` pairs from a JSON list of objects; the line is the
    one where each object starts, so that errors point into the file."""
    decoder = json.JSONDecoder()
    position, length = 0, len(text)

    def skip_spaces(index):
        while index < length and text[index] in " \t\r\n":
            index += 1
        return index

    def fail(error):
        raise ImportFileError(
            _("Fichier JSON mal formé à la ligne %(line)s : %(error)s")
            % {"line": error.lineno, "error": error.msg}
        ) from error

    position = skip_spaces(position)
    if position >= length or text[position] != "[":
        try:
            json.loads(text)
        except json.JSONDecodeError as error:
            fail(error)
        raise ImportFileError(
            _("Le fichier JSON doit contenir une liste d'objets, un par commerce.")
        )
    position = skip_spaces(position + 1)
    rows, columns, line, counted = [], [], 1, 0
    while position < length and text[position] != "]":
        line += text.count("\n", counted, position)
        counted = position
        try:
            item, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            fail(error)
        if isinstance(item, dict):
            row = {str(key).strip(): _value(value) for key, value in item.items()}
            columns.extend(key for key in row if key not in columns)
        else:
            row = {"__shape__": None}
        rows.append((line, row))
        position = skip_spaces(position)
        if position < length and text[position] == ",":
            position = skip_spaces(position + 1)
        elif position < length and text[position] != "]":
            fail(json.JSONDecodeError("Expecting ',' delimiter", text, position))
    if position >= length:
        fail(json.JSONDecodeError("Expecting ']'", text, length))
    if rows:
        _check_columns(columns)
    return columns, rows


def read_file(path):
    """``(columns, rows)`` of the CSV or JSON file at ``path``; ImportFileError if it
    cannot be read. Every row is read before anything is checked or written."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(_("Fichier introuvable : %(path)s") % {"path": path})
    size = path.stat().st_size
    if size > MAX_FILE_SIZE:
        raise ImportFileError(
            _(
                "Le fichier pèse %(size)s, au-delà de la limite de %(limit)s : "
                "découpez-le en plusieurs fichiers."
            )
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_FILE_SIZE)}
        )
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".json"):
        raise ImportFileError(
            _("Format non pris en charge (%(suffix)s) : utilisez un fichier .csv ou .json.")
            % {"suffix": suffix or "?"}
        )
    text = _decode(path.read_bytes())
    if "\x00" in text:
        raise ImportFileError(
            _("Le fichier contient des caractères nuls : est-ce bien du texte ?")
        )
    return read_csv(text) if suffix == ".csv" else read_json(text)
