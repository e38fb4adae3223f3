"""Reading an import file (CSV or JSON) into rows that know their line number."""

import codecs
import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.spreadsheets import read_spreadsheet_text
from merchants.exports import COLUMNS

# Far above a real directory (10,000 merchants export to about 3 MB) and small enough
# to read in memory safely.
MAX_FILE_SIZE = 10 * 1024 * 1024
REQUIRED_COLUMNS = ("external_id", "name", "commune")
LIST_COLUMNS = ("category", "services")
NUMBER_COLUMNS = ("latitude", "longitude")
BOOLEAN_COLUMNS = ("wheelchair",)
# The row key under which a JSON row carries the errors found while reading it:
# ``[(column, message)]``, reported by ``validation.RowValidator``.
READ_ERRORS = "__errors__"


class ImportFileError(Exception):
    """The file cannot be read at all (size, format, encoding, structure)."""


@dataclass(frozen=True)
class Schema:
    """The columns of an import file: which are required, and which a JSON file may
    give as lists of texts, numbers or booleans (every other value is text)."""

    columns: tuple
    required: tuple
    lists: tuple = ()
    numbers: tuple = ()
    booleans: tuple = ()


MERCHANTS = Schema(tuple(COLUMNS), REQUIRED_COLUMNS, LIST_COLUMNS, NUMBER_COLUMNS, BOOLEAN_COLUMNS)


def _decode(data):
    """Text of the file: UTF-8 (with or without BOM); UTF-16 with its BOM (Excel's
    "Unicode text"); else Windows-1252, which is what spreadsheet software on Windows
    saves "CSV" as."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ImportFileError(
                _("Encodage du fichier inconnu : enregistrez-le en UTF-8.")
            ) from error
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


def _json_cell(column, value, schema=MERCHANTS):
    """``(text, error)``: a JSON value as the text a CSV cell would hold, or the message
    saying why this column cannot hold it (``text`` is then None).

    Every column is text, as in the export, so that nothing is lost on the way: a
    postcode written as the number 07300 would lose its zero. Only coordinates may be
    numbers, ``category`` and ``services`` lists of texts, ``wheelchair`` true or false.
    """
    if value is None:
        return "", None
    if isinstance(value, str):
        return value, None
    if isinstance(value, bool):
        if column in schema.booleans:
            return ("yes" if value else "no"), None
    elif isinstance(value, int | float):
        if column in schema.numbers:
            return repr(value), None
    elif isinstance(value, list) and column in schema.lists:
        if all(isinstance(item, str) for item in value):
            return ";".join(value), None
        return None, _('liste de textes attendue, par exemple ["Fromagerie", "Épicerie"].')
    if column in schema.lists:
        return None, _('liste de textes attendue, par exemple ["Fromagerie", "Épicerie"].')
    if column in schema.numbers:
        return None, _("nombre attendu, par exemple 45.0672.")
    return None, _('texte attendu entre guillemets, par exemple "%(example)s".') % {
        "example": "26600" if column == "postcode" else "Épicerie du Port"
    }


def _json_row(item, schema=MERCHANTS):
    """``{column: text}`` of one JSON object, with the errors of its values."""
    row, errors = {}, []
    for key, value in item.items():
        column = str(key).strip()
        if column not in schema.columns:
            row[column] = ""  # ignored (the command says so), whatever it holds
            continue
        text, error = _json_cell(column, value, schema)
        # A column with a wrong value still counts as present in the file.
        row[column] = "" if error else text
        if error:
            errors.append((column, error))
    if errors:
        row[READ_ERRORS] = errors
    return row


# The JSON parser's messages, in the user's language.
JSON_MESSAGES = {
    "Expecting value": gettext_lazy("valeur attendue"),
    "Expecting ',' delimiter": gettext_lazy("virgule attendue"),
    "Expecting ':' delimiter": gettext_lazy("deux-points attendus"),
    "Expecting property name enclosed in double quotes": gettext_lazy(
        "nom de colonne entre guillemets attendu"
    ),
    "Unterminated string starting at": gettext_lazy("texte sans guillemet fermant"),
    "Invalid control character at": gettext_lazy("caractère de contrôle dans un texte"),
    "Invalid \\escape": gettext_lazy("échappement « \\ » invalide"),
    "Expecting ']'": gettext_lazy("crochet fermant « ] » attendu"),
    "Extra data": gettext_lazy("données après la fin de la liste"),
}


def _check_columns(columns, schema=MERCHANTS):
    missing = [column for column in schema.required if column not in columns]
    if missing:
        raise ImportFileError(
            _("Colonnes obligatoires absentes : %(columns)s. Colonnes attendues : %(expected)s.")
            % {"columns": ", ".join(missing), "expected": ", ".join(schema.columns)}
        )


def read_csv(text, schema=MERCHANTS):
    """``(line number, {column: text})`` pairs, the header being line 1.

    Cells are read back as ``export.csv`` wrote them: the quote that keeps a spreadsheet
    from computing "=…" is removed (``home.spreadsheets.read_spreadsheet_text``)."""
    if not text.strip():
        raise ImportFileError(_("Le fichier est vide."))
    sample = text.lstrip("\r\n")[:4096].splitlines()[0]
    delimiter = max(",;\t", key=sample.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        if not header:
            raise ImportFileError(_("Le fichier est vide."))
        columns = [column.strip() for column in header]
        _check_columns(columns, schema)
        rows = []
        line = reader.line_num
        for cells in reader:
            number, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(columns):
                message = _("cette ligne n'a pas le même nombre de colonnes que l'en-tête.")
                rows.append((number, {READ_ERRORS: [("-", message)]}))
                continue
            cells = [read_spreadsheet_text(cell) for cell in cells]
            rows.append((number, dict(zip(columns, cells, strict=True))))
    except csv.Error as error:
        message = str(error)
        if "field larger than field limit" in message:
            message = _("une cellule dépasse %(limit)s caractères.") % {
                "limit": csv.field_size_limit()
            }
        raise ImportFileError(
            _("Fichier CSV mal formé à la ligne %(line)s : %(error)s")
            % {"line": reader.line_num, "error": message}
        ) from error
    return columns, rows


def _reject_constant(name):
    """NaN and Infinity are accepted by Python's parser but are not JSON."""
    raise ValueError(name)


def read_json(text, schema=MERCHANTS):
    """``(line number, {key: text})`` pairs from a JSON list of objects; the line is the
    one where each object starts, so that errors point into the file.

    Anything after the list, values nested too deep for a list of merchants, numbers
    too long to read and NaN or Infinity are refused with a message about the file."""
    decoder = json.JSONDecoder(parse_constant=_reject_constant)
    position, length = 0, len(text)

    def skip_spaces(index):
        while index < length and text[index] in " \t\r\n":
            index += 1
        return index

    def line_at(index):
        return text.count("\n", 0, index) + 1

    def fail(error):
        raise ImportFileError(
            _("Fichier JSON mal formé à la ligne %(line)s : %(error)s")
            % {"line": error.lineno, "error": JSON_MESSAGES.get(error.msg, error.msg)}
        ) from error

    def decode(index):
        try:
            return decoder.raw_decode(text, index)
        except json.JSONDecodeError as error:
            fail(error)
        except RecursionError as error:
            raise ImportFileError(
                _(
                    "Fichier JSON trop imbriqué à la ligne %(line)s : une liste d'objets "
                    "simples est attendue, un par commerce."
                )
                % {"line": line_at(index)}
            ) from error
        except ValueError as error:
            # A number of thousands of digits, NaN or Infinity.
            raise ImportFileError(
                _("Fichier JSON mal formé à la ligne %(line)s : %(error)s")
                % {
                    "line": line_at(index),
                    "error": _("nombre illisible (NaN, Infinity ou trop long)"),
                }
            ) from error

    position = skip_spaces(position)
    if position >= length:
        raise ImportFileError(_("Le fichier est vide."))
    if text[position] != "[":
        decode(position)
        raise ImportFileError(
            _("Le fichier JSON doit contenir une liste d'objets, un par commerce.")
        )
    position = skip_spaces(position + 1)
    rows, columns, objects = [], [], 0
    line, counted = 1, 0
    while position < length and text[position] != "]":
        # Counted as the file is read: one pass, whatever its size.
        line += text.count("\n", counted, position)
        counted = position
        item, position = decode(position)
        if isinstance(item, dict):
            objects += 1
            row = _json_row(item, schema)
            columns.extend(key for key in row if key not in columns and key != READ_ERRORS)
        else:
            row = {READ_ERRORS: [("-", _("un objet {…} est attendu pour chaque commerce."))]}
        rows.append((line, row))
        position = skip_spaces(position)
        if position < length and text[position] == ",":
            position = skip_spaces(position + 1)
            if position < length and text[position] == "]":
                fail(json.JSONDecodeError("Expecting value", text, position))
        elif position < length and text[position] != "]":
            fail(json.JSONDecodeError("Expecting ',' delimiter", text, position))
    if position >= length:
        fail(json.JSONDecodeError("Expecting ']'", text, length))
    end = skip_spaces(position + 1)
    if end < length:
        fail(json.JSONDecodeError("Extra data", text, end))
    if objects:
        _check_columns(columns, schema)
    return columns, rows


def read_file(path, schema=MERCHANTS):
    """``(columns, rows)`` of the CSV or JSON file at ``path`` (columns of ``schema``);
    ImportFileError if it cannot be read. Every row is read before anything is checked
    or written."""
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
    return read_csv(text, schema) if suffix == ".csv" else read_json(text, schema)
