"""Import of offers from a CSV or JSON file (``manage.py import_offers``).

The merchants' import in three steps (``merchants.importer``): the whole file is read,
every row is checked and every error collected, and only when there is none is
everything written in one transaction. A row is checked by the offer's own rules
(``OfferPage.clean``: prices, stock, dates, plain text), so that an import accepts
exactly what the admin and the portal accept.

Offers are matched by ``external_id`` among their shop's offers (``merchant_external_id``
names the shop): known ones are updated, others created, unchanged ones left alone
(re-importing a file changes nothing).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from home import publication
from home.bulk_pages import create_child_pages, save_page_changes
from home.slugs import ascii_slug
from merchants.importer.files import Schema
from merchants.importer.validation import RowError, excerpt, split_list
from merchants.importer.writer import CategoryResolver
from merchants.models import MerchantPage, comparable_name
from offers.choices import MONTHS, Availability, OfferKind, PriceMode, Unit, mask_of
from offers.models import OfferPage
from offers.prices import parse_price

COLUMNS = (
    "external_id",
    "merchant_external_id",
    "kind",
    "title",
    "description",
    "price_mode",
    "price",
    "price_max",
    "unit",
    "availability",
    "season",
    "stock_quantity",
    "valid_from",
    "valid_until",
    "conditions",
    "category",
)
SCHEMA = Schema(
    COLUMNS,
    required=("external_id", "merchant_external_id", "title"),
    lists=("category", "season"),
    numbers=("price", "price_max", "stock_quantity"),
)
CHOICES = {
    "kind": OfferKind,
    "price_mode": PriceMode,
    "unit": Unit,
    "availability": Availability,
}
DEFAULTS = {"kind": OfferKind.PRODUCT, "price_mode": PriceMode.FIXED, "unit": ""}
DEFAULTS["availability"] = Availability.IN_STOCK
# The fields a row sets (the categories apart).
FIELDS = (
    "kind",
    "title",
    "description",
    "price_mode",
    "price",
    "price_max",
    "unit",
    "availability",
    "season_months",
    "stock_quantity",
    "valid_from",
    "valid_until",
    "conditions",
)
# Where the offer's rules report an error, as the file names the column.
FIELD_COLUMNS = {"season": "season", "season_months": "season"}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


@dataclass
class OfferRecord:
    line: int
    external_id: str
    merchant: MerchantPage
    values: dict = field(default_factory=dict)
    categories: list = field(default_factory=list)


@dataclass
class OfferImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def _date(text):
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValidationError(_("date attendue, par exemple 2027-01-06 ou 06/01/2027."))


def _integer(text):
    number = text.removesuffix(".0")
    if not number.isdigit() or len(number) > 9:
        raise ValidationError(_("nombre entier attendu, par exemple 12."))
    return int(number)


def _months(text):
    names = {comparable_name(str(label)): number for number, label in MONTHS}
    months = []
    for item in split_list(text, commas=True):
        month = names.get(comparable_name(item))
        if month is None and item.removesuffix(".0").isdigit():
            month = int(item.removesuffix(".0"))
        if month is None or not 1 <= month <= 12:
            raise ValidationError(
                _("mois attendus, par exemple « 12;1 » ou « décembre;janvier ».")
            )
        months.append(month)
    return months


class OfferRowValidator:
    """Checks rows one by one against the directory's merchants and categories."""

    def __init__(self, directory):
        self.merchants = {
            merchant.external_id: merchant
            for merchant in MerchantPage.objects.child_of(directory).exclude(external_id="")
        }
        self.categories = CategoryResolver(directory.locale)
        self.first_line = {}

    def validate(self, line, row):
        """``(record, errors)``: an OfferRecord when the row is valid, else None."""
        from merchants.importer.files import READ_ERRORS  # the reader's own key

        errors = []

        def error(column, message):
            errors.append(RowError(line, column, str(message)))

        if READ_ERRORS in row:
            for column, message in row[READ_ERRORS]:
                error(column, message)
            return None, errors
        cells = {column: (value or "").strip() for column, value in row.items()}
        external_id = cells.get("external_id", "")
        merchant_id = cells.get("merchant_external_id", "")
        if not external_id or len(external_id) > 64:
            error("external_id", _("obligatoire, 64 caractères au plus."))
        merchant = self.merchants.get(merchant_id)
        if merchant is None:
            error(
                "merchant_external_id",
                _("aucun commerce de l'annuaire n'a l'identifiant « %(id)s ».")
                % {"id": excerpt(merchant_id)},
            )
        key = (merchant_id, external_id)
        if external_id and key in self.first_line:
            error(
                "external_id",
                _("cette offre est déjà à la ligne %(line)s.") % {"line": self.first_line[key]},
            )
        self.first_line.setdefault(key, line)
        values = self._values(cells, error)
        categories = self._categories(cells, error)
        if errors:
            return None, errors
        offer = OfferPage(**values, slug=ascii_slug(values["title"])[:50] or "offre")
        self._check_rules(offer, error)
        if errors:
            return None, errors
        return OfferRecord(line, external_id, merchant, values, categories), []

    def _values(self, cells, error):
        values = {
            "title": cells.get("title", ""),
            "description": cells.get("description", ""),
            "conditions": cells.get("conditions", ""),
        }
        for column, choices in CHOICES.items():
            value = cells.get(column, "") or DEFAULTS[column]
            if value and value not in choices.values:
                labels = {comparable_name(str(label)): key for key, label in choices.choices}
                value = labels.get(comparable_name(value), value)
            if value and value not in choices.values:
                error(
                    column,
                    _("valeur inconnue : « %(value)s » (valeurs possibles : %(values)s).")
                    % {"value": excerpt(value), "values": ", ".join(choices.values)},
                )
            values[column] = value
        converters = {
            "price": parse_price,
            "price_max": parse_price,
            "stock_quantity": _integer,
            "valid_from": _date,
            "valid_until": _date,
        }
        for column, convert in converters.items():
            text = cells.get(column, "")
            try:
                values[column] = convert(text) if text else None
            except ValidationError as problem:
                error(column, " ".join(problem.messages))
                values[column] = None
        try:
            values["season_months"] = mask_of(_months(cells.get("season", "")))
        except ValidationError as problem:
            error("season", " ".join(problem.messages))
            values["season_months"] = 0
        return values

    def _categories(self, cells, error):
        """The directory's categories the cell names (in French or English); the
        import creates none."""
        found, unknown = [], []
        for name in split_list(cells.get("category", "")):
            category = self.categories.by_name.get(comparable_name(name))
            if category is None:
                unknown.append(excerpt(name))
            elif category not in found:
                found.append(category)
        if unknown:
            error("category", _("catégorie inconnue : %(names)s.") % {"names": ", ".join(unknown)})
        return found

    @staticmethod
    def _check_rules(offer, error):
        """The offer's field validators (lengths, plain text, prices) and rules."""
        exclude = [f.name for f in OfferPage._meta.fields if f.name not in FIELDS]
        for check in (lambda: offer.clean_fields(exclude=exclude), offer.clean):
            try:
                check()
            except ValidationError as problem:
                for name, messages in problem.message_dict.items():
                    for message in messages:
                        error(FIELD_COLUMNS.get(name, name), message)


def _existing(records):
    """The shops' French offers with these identifiers: ``{(shop id, external id): offer}``."""
    merchants = {record.merchant.pk for record in records}
    offers = OfferPage.objects.filter(
        merchant_id__in=merchants, locale__language_code=settings.LANGUAGE_CODE
    ).exclude(external_id="")
    return {
        (offer.merchant_id, offer.external_id): offer
        for offer in offers.prefetch_related("categories")
    }


def _apply(offer, record):
    changed = [name for name, value in record.values.items() if getattr(offer, name) != value]
    for name in changed:
        setattr(offer, name, record.values[name])
    current = {category.pk for category in offer.categories.all()} if offer.pk else set()
    if current != {category.pk for category in record.categories}:
        offer.categories = record.categories
        changed.append("categories")
    return changed


def write_offers(records, *, publish=True, dry_run=False):
    """Create or update the offers of ``records`` (all valid), in one transaction."""
    result = OfferImportResult()
    existing = _existing(records)
    new_by_shop, changed_pages, changed_fields = {}, [], set()
    with transaction.atomic():
        for record in records:
            offer = existing.get((record.merchant.pk, record.external_id))
            if offer is None:
                offer = OfferPage(external_id=record.external_id, merchant=record.merchant)
                _apply(offer, record)
                new_by_shop.setdefault(record.merchant.pk, (record.merchant, []))[1].append(offer)
                result.created += 1
                continue
            changed = _apply(offer, record)
            if changed:
                changed_pages.append(offer)
                changed_fields.update(name for name in changed if name != "categories")
                result.updated += 1
            else:
                result.unchanged += 1
        if dry_run:
            return result
        new_pages = []
        for merchant, pages in new_by_shop.values():
            new_pages += create_child_pages(merchant, pages, publish=publish)
        if changed_pages:
            save_page_changes(changed_pages, sorted(changed_fields) or ["title"], publish=publish)
        if publish:
            publication.pages_published(new_pages + changed_pages)
    return result
