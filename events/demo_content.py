"""The demo agenda's content: markets, events and workshops in French and English, and
the people who registered (original texts, written for this demo; ``events.demo``
creates the pages). Dates are relative to the day the demo is loaded."""

import datetime
from decimal import Decimal

from events import recurrence

WEEKLY = "FREQ=WEEKLY;BYDAY={}"


def _next(today, weekday, weeks=0):
    """The next ``weekday`` (0 Monday) on or after ``today``, ``weeks`` later."""
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


def demo_events(today):
    """The demo's events: (slug pair, fields, French/English texts)."""
    saturday, thursday = _next(today, 5), _next(today, 3)
    return [
        {
            "slug": ("marche-de-tournon", "tournon-market"),
            "title": ("Marché du samedi à Tournon", "Saturday market in Tournon"),
            "lead": (
                "Fruits, légumes, fromages de chèvre et charcuteries des producteurs des "
                "deux rives, le long des quais et place Jean-Jaurès.",
                "Fruit, vegetables, goat's cheese and charcuterie from growers on both "
                "banks, along the quays and on place Jean-Jaurès.",
            ),
            "kind": "marche",
            "commune": "07324",
            "place": "Place Jean-Jaurès",
            "street": "Quai Farconnet",
            "coords": ("45.067600", "4.833400"),
            "start": _next(today, 5, -8),
            "times": (datetime.time(7, 0), datetime.time(13, 0)),
            "rule": WEEKLY.format("SA"),
            "organiser": ("Ville de Tournon-sur-Rhône", "Town of Tournon-sur-Rhône"),
            "changes": [
                (
                    saturday + datetime.timedelta(days=14),
                    recurrence.CANCELLED,
                    "Annulé : la place accueille la fête foraine.",
                ),
                (saturday + datetime.timedelta(days=28), recurrence.EXCLUDED, ""),
            ],
        },
        {
            "slug": ("marche-de-tain", "tain-market"),
            "title": ("Marché du jeudi à Tain-l'Hermitage", "Thursday market in Tain-l'Hermitage"),
            "lead": (
                "Le rendez-vous du jeudi matin au pied des coteaux : primeurs, fromagers, "
                "fleurs et le camion du poissonnier.",
                "Thursday morning beneath the vineyards: greengrocers, cheesemakers, "
                "flowers and the fishmonger's van.",
            ),
            "kind": "marche",
            "commune": "26347",
            "place": "Place du Taurobole",
            "street": "",
            "coords": ("45.069800", "4.845100"),
            "start": _next(today, 3, -6),
            "times": (datetime.time(7, 30), datetime.time(12, 30)),
            "rule": WEEKLY.format("TH"),
            "organiser": ("Ville de Tain-l'Hermitage", "Town of Tain-l'Hermitage"),
            "changes": [
                (
                    thursday + datetime.timedelta(days=7),
                    recurrence.MOVED,
                    "Avancé au mercredi (jour férié).",
                ),
            ],
        },
        {
            "slug": ("marche-de-saint-donat", "saint-donat-market"),
            "title": ("Marché du dimanche à Saint-Donat", "Sunday market in Saint-Donat"),
            "lead": (
                "Sous la collégiale, les producteurs de la vallée de l'Herbasse : miel, "
                "volailles, pain au levain et légumes de saison.",
                "Below the collegiate church, growers from the Herbasse valley: honey, "
                "poultry, sourdough bread and seasonal vegetables.",
            ),
            "kind": "marche",
            "commune": "26301",
            "place": "Place de la Collégiale",
            "street": "",
            "coords": ("45.123400", "4.982800"),
            "start": _next(today, 6, -4),
            "times": (datetime.time(8, 0), datetime.time(12, 30)),
            "rule": WEEKLY.format("SU"),
            "organiser": ("", ""),
        },
        {
            "slug": ("marche-de-producteurs-de-mercurol", "mercurol-farmers-market"),
            "title": (
                "Marché de producteurs de Mercurol-Veaunes",
                "Mercurol-Veaunes farmers' market",
            ),
            "lead": (
                "Le vendredi en fin de journée, achetez directement aux fermes du "
                "village : abricots, asperges, vins et fromages.",
                "On Friday evenings, buy straight from the village's farms: apricots, "
                "asparagus, wine and cheese.",
            ),
            "kind": "marche",
            "commune": "26179",
            "place": "Place de la Mairie",
            "street": "",
            "coords": ("45.078300", "4.894500"),
            "start": _next(today, 4, -3),
            "times": (datetime.time(16, 0), datetime.time(19, 30)),
            "rule": WEEKLY.format("FR"),
            "organiser": ("Association des producteurs", "Farmers' association"),
        },
        {
            "slug": ("marche-de-mauves", "mauves-market"),
            "title": ("Marché du mardi à Mauves", "Tuesday market in Mauves"),
            "lead": (
                "Un petit marché de village au bord du Rhône : légumes, œufs frais et "
                "le vigneron du coin.",
                "A small village market by the Rhône: vegetables, fresh eggs and the "
                "local winegrower.",
            ),
            "kind": "marche",
            "commune": "07152",
            "place": "Place de l'Église",
            "street": "",
            "coords": ("45.038900", "4.831300"),
            "start": _next(today, 1, -5),
            "times": (datetime.time(8, 0), datetime.time(12, 0)),
            "rule": WEEKLY.format("TU"),
            "organiser": ("", ""),
        },
        {
            "slug": ("brocante-de-saint-jean-de-muzols", "saint-jean-de-muzols-flea-market"),
            "title": ("Brocante du premier dimanche", "First-Sunday flea market"),
            "lead": (
                "Chaque premier dimanche du mois, brocanteurs et particuliers "
                "s'installent sur l'esplanade de Saint-Jean-de-Muzols.",
                "On the first Sunday of every month, dealers and residents set up their "
                "stalls on the Saint-Jean-de-Muzols esplanade.",
            ),
            "kind": "marche",
            "commune": "07245",
            "place": "Esplanade du Doux",
            "street": "",
            "coords": ("45.079900", "4.814600"),
            "start": datetime.date(today.year, today.month, 1) - datetime.timedelta(days=60),
            "times": (datetime.time(7, 0), datetime.time(17, 0)),
            "rule": "FREQ=MONTHLY;BYDAY=1SU",
            "organiser": ("Comité des fêtes", "Festival committee"),
        },
        {
            "slug": ("nocturnes-de-tournon", "tournon-late-night-shopping"),
            "title": ("Nocturnes des commerçants de Tournon", "Late-night shopping in Tournon"),
            "lead": (
                "Trois soirs de suite, les boutiques du centre restent ouvertes jusqu'à "
                "21 heures, avec vin chaud et musique dans la Grande Rue.",
                "Three evenings in a row, town-centre shops stay open until 9 pm, with "
                "mulled wine and music on the Grande Rue.",
            ),
            "kind": "animation",
            "commune": "07324",
            "place": "Grande Rue",
            "street": "",
            "coords": ("45.067000", "4.832000"),
            "start": today + datetime.timedelta(days=18),
            "times": (datetime.time(17, 0), datetime.time(21, 0)),
            "rule": "FREQ=DAILY;COUNT=3",
            "organiser": ("Union commerciale de Tournon", "Tournon traders' union"),
        },
        {
            "slug": ("braderie-de-tain", "tain-sidewalk-sale"),
            "title": ("Grande braderie de Tain", "Tain sidewalk sale"),
            "lead": (
                "Deux jours de bonnes affaires : les commerçants sortent leurs étals "
                "sur les trottoirs de l'avenue Jean-Jaurès.",
                "Two days of bargains: shops set out their stalls on the pavements of "
                "avenue Jean-Jaurès.",
            ),
            "kind": "animation",
            "commune": "26347",
            "place": "Avenue Jean-Jaurès",
            "street": "",
            "coords": ("45.070400", "4.844000"),
            "start": today + datetime.timedelta(days=40),
            "end": today + datetime.timedelta(days=41),
            "times": (None, None),
            "organiser": ("Les Vitrines de Tain", "Les Vitrines de Tain"),
        },
        {
            "slug": ("fete-des-artisans", "craft-fair"),
            "title": ("Fête des artisans à Saint-Donat", "Craft fair in Saint-Donat"),
            "lead": (
                "Potiers, ébénistes, couteliers et tisserands montrent leur savoir-faire "
                "et vendent leurs créations.",
                "Potters, cabinetmakers, knife makers and weavers show their skills and "
                "sell their work.",
            ),
            "kind": "animation",
            "commune": "26301",
            "place": "Halle de Saint-Donat",
            "street": "",
            "coords": ("45.122900", "4.983300"),
            "start": _next(today, 5, 4),
            "times": (datetime.time(10, 0), datetime.time(18, 0)),
            "price": Decimal("2.00"),
            "price_note": ("gratuit pour les moins de 12 ans", "free for under-12s"),
            "organiser": ("Chambre de métiers", "Chamber of trades"),
        },
        {
            "slug": ("vitrines-en-fete", "shop-windows-festival"),
            "title": ("Vitrines en fête", "Shop window festival"),
            "lead": (
                "Les commerçants décorent leurs vitrines sur un même thème ; votez pour "
                "votre préférée dans les boutiques participantes.",
                "Shops decorate their windows on a common theme; vote for your favourite "
                "in the participating shops.",
            ),
            "kind": "autre",
            "commune": "07324",
            "place": "Centre-ville de Tournon",
            "street": "",
            "coords": None,
            "start": today + datetime.timedelta(days=10),
            "end": today + datetime.timedelta(days=24),
            "times": (None, None),
            "organiser": ("Agglomération", "The agglomeration"),
        },
        {
            "slug": ("degustation-fromages-ete", "summer-cheese-tasting"),
            "title": ("Dégustation des fromages de saison", "Seasonal cheese tasting"),
            "lead": (
                "La fromagerie ouvre ses caves : cinq fromages affinés sur place, "
                "présentés par le producteur.",
                "The cheese shop opens its cellars: five cheeses ripened on site, "
                "presented by the farmer.",
            ),
            "kind": "animation",
            "merchant": "demo-002",
            "start": today + datetime.timedelta(days=9),
            "times": (datetime.time(18, 0), datetime.time(20, 0)),
            "price": Decimal("5.00"),
            "organiser": ("Fromagerie Les Deux Rives", "Fromagerie Les Deux Rives"),
        },
        {
            "slug": ("journee-du-commerce-de-proximite", "local-shops-day"),
            "title": ("Journée du commerce de proximité", "Local shops day"),
            "lead": (
                "Partout sur le territoire, les commerces participants offrent un petit "
                "cadeau à leurs clients et présentent leurs services.",
                "All over the area, participating shops give their customers a small "
                "gift and present their services.",
            ),
            "kind": "autre",
            "commune": "26347",
            "place": "Commerces participants",
            "street": "",
            "coords": None,
            "start": _next(today, 5, 3),
            "times": (None, None),
            "organiser": ("Agglomération", "The agglomeration"),
        },
    ]


WORKSHOPS = [
    {
        "slug": ("atelier-strategie-numerique", "digital-strategy-workshop"),
        "title": ("Atelier : votre stratégie numérique", "Workshop: your digital strategy"),
        "lead": (
            "Trois heures pour faire le point sur votre présence en ligne : fiche "
            "d'établissement, réseaux sociaux, avis clients.",
            "Three hours to review your online presence: business listing, social "
            "networks, customer reviews.",
        ),
        "days": 7,
        "times": (datetime.time(9, 0), datetime.time(12, 0)),
        "capacity": 12,
        "taken": 5,
    },
    {
        "slug": ("atelier-vendre-en-ligne", "selling-online-workshop"),
        "title": ("Atelier : vendre en ligne", "Workshop: selling online"),
        "lead": (
            "Deux séances pour mettre en place la réservation et le retrait en "
            "boutique, avec un conseiller de l'agglomération.",
            "Two sessions to set up online reservation and in-store pickup, with an "
            "adviser from the agglomeration.",
        ),
        "days": 14,
        "times": (datetime.time(14, 0), datetime.time(17, 0)),
        "capacity": 8,
        "taken": 8,
        "waiting": 1,
        "rule": "FREQ=WEEKLY;COUNT=2",
    },
    {
        "slug": ("atelier-moderniser-sa-vitrine", "shop-front-workshop"),
        "title": ("Atelier : moderniser sa vitrine", "Workshop: modernising your shop front"),
        "lead": (
            "Éclairage, signalétique, accessibilité : un architecte conseil vous aide à "
            "préparer votre dossier d'aide à la modernisation.",
            "Lighting, signage, accessibility: an advisory architect helps you prepare "
            "your shop modernisation grant application.",
        ),
        "days": 21,
        "times": (datetime.time(18, 0), datetime.time(20, 0)),
        "capacity": 10,
        "taken": 3,
    },
]

WORKSHOP_PLACE = {
    "commune": "26347",
    "place": "Maison de l'économie",
    "street": "1 place de l'Hôtel de Ville",
    "coords": ("45.070200", "4.846500"),
    "organiser": ("Service développement économique", "Economic development team"),
    "accessibility": (
        "Salle de plain-pied, accessible en fauteuil roulant ; boucle magnétique sur demande.",
        "Step-free room, wheelchair accessible; hearing loop on request.",
    ),
}


PEOPLE = [
    ("Claire Morel", "Atelier Morel Couture"),
    ("Hugo Bertrand", "Épicerie du Doux"),
    ("Inès Garnier", "Cave Garnier"),
    ("Paul Lefèvre", "Lefèvre Optique"),
    ("Léa Dumas", "Fleurs de Lemps"),
    ("Nadia Chevalier", "Salon Nadia"),
    ("Marc Rolland", "Boucherie Rolland"),
    ("Sophie Perrin", "Librairie des Quais"),
    ("Yann Colin", "Cycles Colin"),
]
