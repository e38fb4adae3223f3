"""Where the agglomeration's merchants can be: the one place that knows the territory's box.

The box frames the 41 communes on both banks of the Rhône (Drôme and Ardèche) with a
small margin. A merchant outside it is almost always a typing mistake (swapped latitude
and longitude, a missing minus sign, a shop copied from another directory), so the
admin, the import and the map all use this box.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Six decimals is about 10 cm: more than enough for a shop front.
COORDINATE_PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class BoundingBox:
    south: Decimal
    west: Decimal
    north: Decimal
    east: Decimal

    def contains(self, latitude, longitude):
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east

    @property
    def center(self):
        return ((self.south + self.north) / 2, (self.west + self.east) / 2)

    def as_leaflet(self):
        """[[south, west], [north, east]] as Leaflet's ``fitBounds`` expects."""
        return [[float(self.south), float(self.west)], [float(self.north), float(self.east)]]


# Latitudes are within ±90°, longitudes within ±180°.
WORLD_LIMIT = Decimal(180)

TERRITORY = BoundingBox(
    south=Decimal("44.95"), west=Decimal("4.50"), north=Decimal("45.25"), east=Decimal("5.10")
)


def parse_coordinate(value):
    """``value`` (text, number or Decimal) as a Decimal rounded to six places, or None if empty.

    Raises ValueError when the value is not a number; commas are accepted as the decimal
    separator because French spreadsheets write "45,07".
    """
    if value is None:
        return None
    if isinstance(value, float):
        value = repr(value)
    text = str(value).strip().replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if not number.is_finite():
        raise ValueError(text)
    if number.copy_abs() > WORLD_LIMIT:
        # Rounding 1e308 to six places exceeds Decimal's precision; no coordinate is
        # that large, and validate_coordinates says so.
        return number
    return number.quantize(COORDINATE_PLACES)


def _short(number):
    """A number as a message quotes it: "1E+308" rather than 400 digits."""
    text = str(number)
    return text if len(text) <= 20 else f"{number:.6E}"


def validate_coordinates(latitude, longitude):
    """Raise a ValidationError keyed by field unless both are empty or both are in the box."""
    if latitude is None and longitude is None:
        return
    if latitude is None or longitude is None:
        missing = "latitude" if latitude is None else "longitude"
        raise ValidationError(
            {missing: _("Indiquez la latitude et la longitude, ou aucune des deux.")}
        )
    latitude, longitude = Decimal(latitude), Decimal(longitude)
    errors = {}
    if not -90 <= latitude <= 90:
        errors["latitude"] = _("La latitude est comprise entre -90 et 90 (ici %(value)s).") % {
            "value": _short(latitude)
        }
    if not -WORLD_LIMIT <= longitude <= WORLD_LIMIT:
        errors["longitude"] = _("La longitude est comprise entre -180 et 180 (ici %(value)s).") % {
            "value": _short(longitude)
        }
    if errors:
        raise ValidationError(errors)
    if not TERRITORY.contains(latitude, longitude):
        message = _(
            "Ce point (%(latitude)s, %(longitude)s) est hors du territoire de "
            "l'agglomération (latitude entre %(south)s et %(north)s, longitude entre "
            "%(west)s et %(east)s). Latitude et longitude ne sont-elles pas inversées ?"
        ) % {
            "latitude": latitude,
            "longitude": longitude,
            "south": TERRITORY.south,
            "north": TERRITORY.north,
            "west": TERRITORY.west,
            "east": TERRITORY.east,
        }
        raise ValidationError({"latitude": message, "longitude": message})
