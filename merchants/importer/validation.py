"""Checking every row of an import file before anything is written."""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _

from merchants.choices import SERVICE_FIELDS, Service, Wheelchair
from merchants.importer.files import READ_ERRORS
from merchants.models import Category, MerchantPage, comparable_name
from merchants.models.merchant import DESCRIPTION_MAX_LENGTH
from merchants.opening_hours import validate_opening_hours
from merchants.phone import normalize_phone
from merchants.territory import parse_coordinate, validate_coordinates

# Import column → MerchantPage field, for the columns that map one to one.
FIELDS = {
    "name": "title",
    "address": "street_address",
    "postcode": "postcode",
    "latitude": "latitude",
    "longitude": "longitude",
    "phone": "phone",
    "email": "email",
    "website": "website",
    "description": "description",
    "opening_hours": "opening_hours",
    "wheelchair": "wheelchair",
    "commune": "commune",
}
# OpenStreetMap's wheelchair values are accepted too.
WHEELCHAIR_ALIASES = {"limited": Wheelchair.PARTIAL, "": Wheelchair.UNKNOWN}
# What each column's field can hold (PostgreSQL refuses longer text when writing, after
# every check has passed: it must be caught here). The commune is looked up, not stored.
MAX_LENGTHS = {
    "external_id": MerchantPage._meta.get_field("external_id").max_length,
    **{
        column: MerchantPage._meta.get_field(name).max_length
        for column, name in FIELDS.items()
        if column not in ("commune", "latitude", "longitude", "wheelchair")
    },
    "description": DESCRIPTION_MAX_LENGTH,
    # No commune name is that long; longer text is not looked up nor echoed.
    "commune": 100,
}
CATEGORY_MAX_LENGTH = Category._meta.get_field("name").max_length
POSTCODE = re.compile(r"[0-9]{5}")
EXCERPT_LENGTH = 60


def excerpt(text):
    """``text`` short enough to be quoted in a message."""
    return text if len(text) <= EXCERPT_LENGTH else text[: EXCERPT_LENGTH - 1] + "…"


@dataclass
class MerchantRecord:
    """A valid row: the values to give the merchant's fields, for the columns present
    in the file (a column left out of the file leaves that field untouched)."""

    line: int
    external_id: str
    values: dict = field(default_factory=dict)
    category_names: list | None = None
    services: set | None = None


@dataclass
class RowError:
    line: int
    column: str
    message: str

    def __str__(self):
        return _("ligne %(line)s : %(column)s : %(message)s") % {
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


def split_list(text, *, commas=False):
    """Items of a ``;``-separated cell (also ``,`` when ``commas``: category names may
    contain commas, service codes never do)."""
    if commas:
        text = text.replace(",", ";")
    return [item.strip() for item in text.split(";") if item.strip()]


class RowValidator:
    """Validates rows one by one against the communes and merchants that exist."""

    def __init__(self, columns, communes, existing_ids):
        self.columns = set(columns)
        self.existing_ids = existing_ids
        self.communes = {}
        for commune in communes:
            self.communes[commune.insee_code] = commune
            self.communes[comparable_name(commune.name)] = commune
        self.first_line = {}
        self.email = EmailValidator()
        self.url = URLValidator(schemes=["http", "https"])

    def validate(self, line, row):
        """``(record, errors)``: a MerchantRecord when the row is valid, else None."""
        errors = []

        def error(column, message):
            errors.append(RowError(line, column, str(message)))

        if READ_ERRORS in row:
            # The row's shape or its values' types: nothing else can be checked.
            for column, message in row[READ_ERRORS]:
                error(column, message)
            return None, errors
        cells = {column: (value or "").strip() for column, value in row.items()}
        too_long = set()
        for column, limit in MAX_LENGTHS.items():
            if len(cells.get(column, "")) > limit:
                error(column, _("%(count)s caractères au plus.") % {"count": limit})
                # Left out of the checks below: one message, the value not echoed.
                cells[column] = ""
                too_long.add(column)
        external_id = cells.get("external_id", "")
        if not external_id:
            if "external_id" not in too_long:
                error(
                    "external_id", _("obligatoire : l'identifiant du commerce dans votre fichier.")
                )
        elif external_id in self.first_line:
            error(
                "external_id",
                _("« %(id)s » figure déjà ligne %(line)s.")
                % {"id": external_id, "line": self.first_line[external_id]},
            )
        else:
            self.first_line[external_id] = line
        record = MerchantRecord(line, external_id)
        is_new = external_id not in self.existing_ids
        if not cells.get("name"):
            if "name" not in too_long:
                error("name", _("obligatoire."))
        else:
            record.values["title"] = cells["name"]
        commune_text = cells.get("commune", "")
        commune = self.communes.get(commune_text) or self.communes.get(
            comparable_name(commune_text)
        )
        if commune is not None:
            record.values["commune"] = commune
        elif "commune" not in too_long:
            error(
                "commune",
                _("commune inconnue : « %(value)s » (nom ou code INSEE).")
                % {"value": excerpt(commune_text)},
            )
        for column, field_name in FIELDS.items():
            if column in self.columns and column not in (
                "name",
                "commune",
                "latitude",
                "longitude",
            ):
                record.values[field_name] = cells.get(column, "")
        self._check_text_fields(cells, record, error)
        self._check_coordinates(cells, record, error)
        if "category" in self.columns or is_new:
            names = split_list(cells.get("category", ""))
            if not names:
                error("category", _("au moins une catégorie est nécessaire."))
            for name in names:
                if len(name) > CATEGORY_MAX_LENGTH:
                    error(
                        "category",
                        _("« %(name)s » : %(count)s caractères au plus par catégorie.")
                        % {"name": excerpt(name), "count": CATEGORY_MAX_LENGTH},
                    )
            record.category_names = names
        if "services" in self.columns:
            record.services = set()
            for code in split_list(cells.get("services", ""), commas=True):
                if code in SERVICE_FIELDS:
                    record.services.add(code)
                else:
                    error(
                        "services",
                        _("service inconnu : « %(code)s » (codes possibles : %(codes)s).")
                        % {"code": excerpt(code), "codes": ", ".join(Service.values)},
                    )
        return (None if errors else record), errors

    def _check_text_fields(self, cells, record, error):
        values = record.values
        if values.get("postcode") and not POSTCODE.fullmatch(values["postcode"]):
            error("postcode", _("le code postal compte cinq chiffres."))
        if values.get("phone"):
            try:
                values["phone"] = normalize_phone(values["phone"])
            except ValidationError as invalid:
                error("phone", invalid.messages[0])
        if values.get("email"):
            try:
                self.email(values["email"])
            except ValidationError:
                error("email", _("adresse électronique invalide."))
        if values.get("website"):
            try:
                self.url(values["website"])
            except ValidationError:
                error("website", _("adresse web invalide (elle doit commencer par https://)."))
        if values.get("opening_hours"):
            try:
                validate_opening_hours(values["opening_hours"])
            except ValidationError as invalid:
                error("opening_hours", invalid.messages[0])
        if "wheelchair" in values:
            value = values["wheelchair"].lower()
            value = WHEELCHAIR_ALIASES.get(value, value)
            if value not in Wheelchair.values:
                error(
                    "wheelchair",
                    _("valeur inconnue : « %(value)s » (valeurs possibles : %(values)s).")
                    % {
                        "value": excerpt(values["wheelchair"]),
                        "values": ", ".join(Wheelchair.values),
                    },
                )
            values["wheelchair"] = value

    def _check_coordinates(self, cells, record, error):
        if "latitude" not in self.columns and "longitude" not in self.columns:
            return
        coordinates = {}
        for column in ("latitude", "longitude"):
            try:
                coordinates[column] = parse_coordinate(cells.get(column, ""))
            except ValueError:
                error(column, _("nombre attendu, par exemple 45.0672."))
        if len(coordinates) < 2:
            return
        try:
            validate_coordinates(coordinates["latitude"], coordinates["longitude"])
        except ValidationError as invalid:
            for column, messages in invalid.message_dict.items():
                error(column, messages[0])
            return
        record.values.update(coordinates)
