"""Fixed choice sets of the directory: services, wheelchair access, schema.org types."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Service(models.TextChoices):
    """How a customer can buy, besides walking in. Codes are used in URLs and imports."""

    CLICK_COLLECT = "click_collect", _("Commande en ligne, retrait en boutique")
    CALL_COLLECT = "call_collect", _("Conseil par téléphone, retrait en boutique")
    DELIVERY = "delivery", _("Livraison à domicile")
    PICKUP_APPOINTMENT = "pickup_appointment", _("Retrait sur rendez-vous")
    TAKEAWAY = "takeaway", _("Vente à emporter")


# One boolean column per service: filtering on an indexed boolean works the same on
# SQLite and PostgreSQL, which a list stored as JSON would not.
SERVICE_FIELDS = {
    Service.CLICK_COLLECT: "offers_click_collect",
    Service.CALL_COLLECT: "offers_call_collect",
    Service.DELIVERY: "offers_delivery",
    Service.PICKUP_APPOINTMENT: "offers_pickup_appointment",
    Service.TAKEAWAY: "offers_takeaway",
}


class Wheelchair(models.TextChoices):
    """Wheelchair access, with the same meaning as OpenStreetMap's ``wheelchair`` key."""

    YES = "yes", _("Accessible en fauteuil roulant")
    PARTIAL = "partial", _("Partiellement accessible en fauteuil roulant")
    NO = "no", _("Non accessible en fauteuil roulant")
    UNKNOWN = "unknown", _("Accessibilité non renseignée")


# schema.org types offered for categories; the names are schema.org identifiers and are
# not translated. The structured data of a merchant uses its first category's type.
SCHEMA_TYPES = [
    ("LocalBusiness", "LocalBusiness"),
    ("Store", "Store"),
    ("FoodEstablishment", "FoodEstablishment"),
    ("Bakery", "Bakery"),
    ("Restaurant", "Restaurant"),
    ("CafeOrCoffeeShop", "CafeOrCoffeeShop"),
    ("BarOrPub", "BarOrPub"),
    ("GroceryStore", "GroceryStore"),
    ("LiquorStore", "LiquorStore"),
    ("Florist", "Florist"),
    ("BookStore", "BookStore"),
    ("BikeStore", "BikeStore"),
    ("HardwareStore", "HardwareStore"),
    ("ClothingStore", "ClothingStore"),
    ("HomeGoodsStore", "HomeGoodsStore"),
    ("HairSalon", "HairSalon"),
    ("BeautySalon", "BeautySalon"),
    ("AutoRepair", "AutoRepair"),
]
