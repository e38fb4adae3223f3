"""Open data: the offers ``/offres/`` lists today, as CSV and JSON
(``/offres/export.csv``, ``/en/offers/export.json``), narrowed by the listing's filters.

Only what the site shows is exported: live offers of live shops, visible today
(expired promotions and seasonal items out of season are not). The CSV's cells go
through ``home.spreadsheets.spreadsheet_text``, like the directory's: a title starting
with "=" cannot run as a formula in a spreadsheet. JSON values are left as stored.
The import's columns (``offers.importer``) come with the shop's name, commune and the
offer's address: a file exported from the site can be imported again.
"""

import csv
import io
import json

from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from home.spreadsheets import spreadsheet_text
from merchants.exports import LIST_SEPARATOR

COLUMNS = [
    "external_id",
    "merchant_external_id",
    "merchant",
    "commune",
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
    "url",
]
TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


def _text(value):
    return "" if value is None else str(value)


def offer_record(offer, category_names, url):
    """One offer as a record of strings (prices with two decimals, dates ISO 8601,
    the season as month numbers)."""
    merchant = offer.merchant
    return {
        "external_id": offer.external_id,
        "merchant_external_id": merchant.external_id,
        "merchant": merchant.title,
        "commune": merchant.commune.insee_code,
        "kind": offer.kind,
        "title": offer.title,
        "description": offer.description,
        "price_mode": offer.price_mode,
        "price": "" if offer.price is None else f"{offer.price:.2f}",
        "price_max": "" if offer.price_max is None else f"{offer.price_max:.2f}",
        "unit": offer.unit,
        "availability": offer.availability,
        "season": LIST_SEPARATOR.join(str(month) for month in offer.season),
        "stock_quantity": _text(offer.stock_quantity),
        "valid_from": offer.valid_from.isoformat() if offer.valid_from else "",
        "valid_until": offer.valid_until.isoformat() if offer.valid_until else "",
        "conditions": offer.conditions,
        "category": LIST_SEPARATOR.join(category_names),
        "url": url,
    }


def to_csv(records):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({column: spreadsheet_text(value) for column, value in record.items()})
    return buffer.getvalue()


def export_response(index, request, file_format):
    """The file, or None for a format offers are not exported in (a 404)."""
    from offers.page_context import listed_offers  # it reads the models

    if file_format not in TYPES:
        return None
    options, _filters, offers = listed_offers(index, request)
    offers = offers.select_related("merchant__commune", "locale").prefetch_related("categories")
    records = []
    for offer in offers.iterator(chunk_size=2000):
        # The offer's own (empty: it shows under its shop's, as the import reads it).
        names = [options.localized_category(category).name for category in offer.categories.all()]
        url = request.build_absolute_uri(offer.get_url(request))
        records.append(offer_record(offer, names, url))
    if file_format == "csv":
        body = to_csv(records)
    else:
        body = json.dumps(records, ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type=TYPES[file_format])
    disposition = "attachment" if file_format == "csv" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{index.slug}.{file_format}"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    patch_cache_control(response, public=True, max_age=300)
    return response
