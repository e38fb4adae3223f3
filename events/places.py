"""Where an event takes place: a named place in a commune, or a shop of the directory
(whose address and coordinates are then the shop's)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    name: str
    street_address: str
    postcode: str
    commune: object  # merchants.Commune or None
    latitude: object  # Decimal or None
    longitude: object
    merchant: object = None  # the MerchantPage, when it is at a shop

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def commune_name(self):
        return self.commune.name if self.commune else ""

    @property
    def address_line(self):
        parts = [self.street_address, " ".join(filter(None, [self.postcode, self.commune_name]))]
        return ", ".join(part for part in parts if part)


def place_of(event):
    """The event's ``Place``; its own coordinates win over the shop's (a stall in
    front of the shop)."""
    merchant = event.place_merchant if event.place_merchant_id else None
    if merchant is None:
        postcodes = event.commune.postcode_list if event.commune_id else []
        return Place(
            name=event.place_name,
            street_address=event.street_address,
            postcode=postcodes[0] if len(postcodes) == 1 else "",
            commune=event.commune if event.commune_id else None,
            latitude=event.latitude,
            longitude=event.longitude,
        )
    own = event.latitude is not None
    return Place(
        name=event.place_name or merchant.title,
        street_address=event.street_address or merchant.street_address,
        postcode=merchant.postcode,
        commune=event.commune if event.commune_id else merchant.commune,
        latitude=event.latitude if own else merchant.latitude,
        longitude=event.longitude if own else merchant.longitude,
        merchant=merchant,
    )
