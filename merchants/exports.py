"""Open data: the published merchants as CSV, JSON and GeoJSON.

The columns are exactly the import's (``merchants.importer.COLUMNS``), so a file
exported from the site can be edited and imported again; exporting then re-importing
changes nothing. Only public information is exported: internal notes and drafts never
leave the admin.

The CSV is for spreadsheets: its cells go through ``home.spreadsheets.spreadsheet_text``
(a name or description starting with "=" cannot run as a formula; the importer removes
the quote it adds) and phone numbers are written as people read them ("04 65 71 00 01",
which a spreadsheet neither computes nor turns into 33465710001; the importer stores it
back as "+33465710001"). JSON and GeoJSON are data: their values are left as stored.
"""

import csv
import io
import json

from home.spreadsheets import spreadsheet_text
from merchants.choices import SERVICE_FIELDS
from merchants.phone import display_phone

COLUMNS = [
    "external_id",
    "name",
    "category",
    "commune",
    "address",
    "postcode",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "description",
    "services",
    "opening_hours",
    "wheelchair",
]
LIST_SEPARATOR = ";"


def merchant_record(merchant, category_names):
    """One merchant as an import/export record of strings.

    ``category_names`` are the names of its categories in the export's language.
    Coordinates keep their six stored decimals so that a round trip is exact.
    """
    return {
        "external_id": merchant.external_id,
        "name": merchant.title,
        "category": LIST_SEPARATOR.join(category_names),
        "commune": merchant.commune.insee_code,
        "address": merchant.street_address,
        "postcode": merchant.postcode,
        "latitude": "" if merchant.latitude is None else str(merchant.latitude),
        "longitude": "" if merchant.longitude is None else str(merchant.longitude),
        "phone": merchant.phone,
        "email": merchant.email,
        "website": merchant.website,
        "description": merchant.description,
        "services": LIST_SEPARATOR.join(
            service.value for service, name in SERVICE_FIELDS.items() if getattr(merchant, name)
        ),
        "opening_hours": merchant.opening_hours,
        "wheelchair": merchant.wheelchair,
    }


def spreadsheet_row(record):
    """A record as the CSV writes it (see the module's docstring)."""
    row = {**record, "phone": display_phone(record["phone"])}
    return {column: spreadsheet_text(value) for column, value in row.items()}


def to_csv(records):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(spreadsheet_row(record) for record in records)
    return buffer.getvalue()


def to_json(records):
    return json.dumps(list(records), ensure_ascii=False, indent=1)


def to_geojson(records, urls):
    """A FeatureCollection; merchants without coordinates have a null geometry, as
    GeoJSON allows. ``urls`` gives each record's profile address (in the same order)."""
    features = []
    for record, url in zip(records, urls, strict=True):
        properties = {
            key: value for key, value in record.items() if key not in ("latitude", "longitude")
        }
        properties["url"] = url
        geometry = None
        if record["latitude"] and record["longitude"]:
            geometry = {
                "type": "Point",
                "coordinates": [float(record["longitude"]), float(record["latitude"])],
            }
        features.append({"type": "Feature", "geometry": geometry, "properties": properties})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
