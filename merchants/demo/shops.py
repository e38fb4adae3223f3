"""The demo's merchants: fictional shops with original names and texts.

Phone numbers are in the range the French regulator keeps for fiction (04 65 71 xx xx);
web addresses use the reserved ``.example`` domain.
"""

import csv
from pathlib import Path

# Regular hours, in OpenStreetMap syntax, by kind of shop.
HOURS = {
    "bakery": "Tu-Sa 06:30-13:00,15:30-19:30; Su 07:00-12:30; PH off",
    "bakery_sunday": "We-Mo 06:45-13:00,16:00-19:00; PH 07:00-12:00",
    "butcher": "Tu-Sa 08:00-12:30,15:00-19:00; Su 08:00-12:00; PH off",
    "cheese": "Tu-Fr 09:00-12:30,15:00-19:00; Sa 08:30-13:00,15:00-18:00; PH off",
    "grocery": "Mo 14:30-19:00; Tu-Sa 09:00-12:30,14:30-19:00; PH off",
    "market_grocer": "Mo-Sa 07:30-12:30,15:00-19:00; Su 08:00-12:30; PH off",
    "wine": "Tu-Sa 09:30-12:30,14:30-19:30; Su 10:00-12:30; PH off",
    "restaurant": "Tu-Sa 12:00-14:00,19:00-22:00; Su 12:00-14:00",
    "lunch": "Mo-Fr 11:45-14:30",
    "bar": "Mo-Th 07:00-20:00; Fr-Sa 07:00-01:00; Su 08:00-13:00",
    "pizzeria": "We-Su 18:00-22:30",
    "florist": "Tu-Sa 09:00-12:30,14:00-19:00; Su 09:00-12:30; PH 09:00-12:30",
    "books": "Tu-Sa 09:30-12:30,14:00-19:00; PH off",
    "hardware": "Mo-Fr 08:00-12:00,14:00-18:30; Sa 08:00-12:00; PH off",
    "fashion": "Tu-Sa 10:00-12:30,14:30-19:00; PH off",
    "hair": "Tu-Fr 09:00-18:30; Sa 08:30-16:00; PH off",
    "bike": "Tu-Fr 09:00-12:00,14:00-18:30; Sa 09:00-17:00; Jul-Aug Mo 14:00-18:30; PH off",
    "village": "Tu-Su 07:30-12:30; Fr-Sa 16:00-19:00; PH off",
    "artisan": "Mo-Fr 08:30-12:00,13:30-18:00",
}


def shops():
    """The shops of ``shops.csv`` (one line per shop, easier to read and edit than Python):
    name, category keys, commune INSEE code, street address, hours (a key of HOURS),
    services, wheelchair, payment flags (c cards, q cheques, m meal vouchers, l local
    voucher) and short description."""
    with (Path(__file__).parent / "shops.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            yield (
                row["name"],
                row["categories"].split(";"),
                row["commune"],
                row["address"],
                row["hours"],
                [code for code in row["services"].split(";") if code],
                row["wheelchair"],
                row["payments"],
                row["description"],
            )


# Extra details for a few shops: a longer presentation, photos, links, a closure.
DETAILS = {
    "Boulangerie du Quai": {
        "body": "<p>Trois générations de boulangers se sont succédé dans ce fournil du quai. "
        "Le levain est entretenu chaque jour et les farines viennent de moulins ardéchois.</p>"
        "<p>Commandez vos pains spéciaux la veille par téléphone : "
        "ils vous attendent dès 7 h.</p>",
        "gallery": [
            (
                "Vitrine de la boulangerie au lever du jour",
                "Illustration : la vallée au lever du jour, vue depuis le quai.",
            )
        ],
        "social": [("instagram", "https://instagram.example/boulangerie-du-quai")],
        "platforms": [
            (
                "Commander sur la boutique en ligne des commerçants",
                "https://commandes.example/boulangerie-du-quai",
            )
        ],
    },
    "Fromagerie Les Deux Rives": {
        "body": "<p>Une cave d'affinage voûtée sous la boutique permet de suivre chaque fromage "
        "jusqu'à sa maturité. Dégustations le samedi matin.</p>",
        "gallery": [("Cave d'affinage", "Illustration : collines et fleuve en fin d'après-midi.")],
        "social": [("facebook", "https://facebook.example/fromagerie-deux-rives")],
    },
    "Librairie La Page Tournée": {
        "closure": (
            -2,
            10,
            "Inventaire et travaux : réouverture dans quelques jours. "
            "Les commandes restent possibles en ligne.",
        ),
        "platforms": [
            ("Réserver un livre en ligne", "https://librairies.example/la-page-tournee")
        ],
    },
    "Le Comptoir de Tain": {
        "closure": (
            20,
            34,
            "Congés annuels : l'équipe sera ravie de vous retrouver à son retour.",
        ),
        "social": [("instagram", "https://instagram.example/comptoir-de-tain")],
        "platforms": [
            (
                "Voir notre fiche sur un guide des restaurants",
                "https://guide.example/comptoir-de-tain",
            )
        ],
    },
    "Cycles du Rhône": {
        "gallery": [
            (
                "Atelier de réparation",
                "Illustration : le fleuve et les coteaux, paysage de la ViaRhôna.",
            )
        ],
    },
}
