"""Cells of the spreadsheets the site writes (CSV and Excel): text stays text.

Excel, LibreOffice and Google Sheets read a cell beginning with ``=``, ``+``, ``-`` or
``@`` (and, depending on the program, tab, carriage return, line feed or the full-width
``＝＋－＠``) as a formula: an anonymous visitor searching ``=WEBSERVICE(…)`` would plant
a live formula in the team's "Recherches sans résultat" export, a shop asking to be
listed as ``=HYPERLINK(…)`` one in every report naming merchants. As OWASP advises
(https://owasp.org/www-community/attacks/CSV_Injection), such a cell is written with a
single quote in front, which spreadsheets take as "this is text".

``spreadsheet_text`` is the one function that does it, for every CSV the site writes:
the open-data ``export.csv`` (``merchants.exports``) and every admin listing exported
through Wagtail's ``SpreadsheetExportMixin`` (``protect_spreadsheet_exports``). The
merchant import reads cells back with ``read_spreadsheet_text``, its exact inverse, so
that an export re-imports unchanged.
"""

import functools

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.views.mixins import SpreadsheetExportMixin

QUOTE = "'"
FORMULA_TRIGGERS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
# Spaces some spreadsheets trim before deciding whether a cell is a formula.
LEADING_SPACES = " \u00a0\u2007\u202f\u3000"


def _reads_as_formula(text):
    stripped = text.lstrip(LEADING_SPACES)
    return bool(stripped) and (text[0] in FORMULA_TRIGGERS or stripped[0] in FORMULA_TRIGGERS)


def spreadsheet_text(value):
    """``value`` as a CSV cell that spreadsheets show as text and never compute.

    Text that a spreadsheet would take for a formula gets a single quote in front;
    text that already starts with a quote gets one more, so that
    ``read_spreadsheet_text`` gives back exactly what was written. Numbers, dates and
    empty cells are left as they are: they cannot hold a formula.
    """
    if not isinstance(value, str) or not value:
        return value
    if value.startswith(QUOTE) or _reads_as_formula(value):
        return QUOTE + value
    return value


def read_spreadsheet_text(text):
    """The value ``spreadsheet_text`` wrote as ``text`` (the quote it added removed).

    A quote typed by hand before ordinary text ("'Tis") is kept, as it was not added by
    the export; before a formula character it is removed, as spreadsheets do.
    """
    if text.startswith(QUOTE):
        rest = text[1:]
        if rest.startswith(QUOTE) or _reads_as_formula(rest):
            return rest
    return text


def protect_spreadsheet_exports():
    """Write every admin listing's CSV and Excel cells safely (called once, from
    ``HomeConfig.ready``).

    Wagtail exports listings through ``SpreadsheetExportMixin``: our reports, but also
    its own (site history, "Search terms", which holds every visitor's search, pages,
    workflows, redirects, form submissions) and any viewset given ``list_export``. It
    writes CSV cells verbatim (its security policy leaves formulas to the spreadsheet,
    https://docs.wagtail.org/en/stable/contributing/security.html) and, in Excel files,
    only stops ``=`` cells from being stored as formulas; a control character that XML
    cannot hold makes the export fail. Its own reports inherit the mixin without a
    setting to change, so the mixin's per-cell steps are where this is done:

    - CSV: every cell goes through ``spreadsheet_text``;
    - Excel: characters XML cannot hold are dropped, and a text cell starting with a
      formula character gets Excel's own "quote prefix" style (the hidden apostrophe
      Excel adds when someone types ``'=…``), so that editing the cell does not turn it
      into a formula either.
    """
    if getattr(SpreadsheetExportMixin, "spreadsheet_text_protected", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    generate_xlsx_row = SpreadsheetExportMixin.generate_xlsx_row

    @functools.wraps(preprocess)
    def preprocess_field_value(self, field, value, export_format):
        value = preprocess(self, field, value, export_format)
        if not isinstance(value, str):
            return value
        if export_format == self.FORMAT_CSV:
            return spreadsheet_text(value)
        return ILLEGAL_CHARACTERS_RE.sub("", value)

    @functools.wraps(generate_xlsx_row)
    def generate_quoted_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in generate_xlsx_row(self, worksheet, row_dict, date_format=date_format):
            if isinstance(cell.value, str) and _reads_as_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
            yield cell

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.generate_xlsx_row = generate_quoted_xlsx_row
    SpreadsheetExportMixin.spreadsheet_text_protected = True
