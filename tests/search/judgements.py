"""The relevance suite's queries and what a resident expects on the first screen.

``where`` judges by what the merchants are (category, commune, service, open on a
given day: 6 is Sunday); ``names`` lists them when the intent is narrower. A query's
relevant set is the union of both.
"""

from tests.search.dataset import (
    MAUVES,
    SAINT_DONAT,
    SAINT_JEAN,
    TAIN,
    TOURNON,
)

QUERIES = [
    # Category words, singular and plural, with and without accents
    ("boulangerie", {"category": "bakery"}),
    ("boulangeries", {"category": "bakery"}),
    ("fromages", {"category": "cheese"}),
    ("fromage", {"category": "cheese"}),
    ("fromagerie", {"category": "cheese"}),
    ("epicerie bio", {"category": "organic"}),
    ("Épicerie Bio", {"category": "organic"}),
    ("bio", {"category": "organic"}),
    ("epicerie fine", {"category": "deli"}),
    ("fleuriste", {"category": "florist"}),
    ("fleurs", {"category": "florist"}),
    ("coiffeur", {"category": "hair"}),
    ("caviste", {"category": "wine"}),
    ("cave à vin", {"category": "wine"}),
    ("boucherie", {"category": "butcher"}),
    ("charcuterie", {"category": "butcher"}),
    ("chocolat", {"category": "chocolate"}),
    ("chocolatier", {"category": "chocolate"}),
    ("librairie", {"category": "books"}),
    ("livres", {"category": "books"}),
    ("quincaillerie", {"category": "hardware"}),
    ("cordonnier", {"category": "cobbler"}),
    ("institut de beauté", {"category": "beauty"}),
    ("esthéticienne", {"category": "beauty"}),
    ("traiteur", {"category": "caterer"}),
    ("primeur", {"category": "greengrocer"}),
    ("pizza", {"category": "pizzeria"}),
    ("reparation velo", {"category": "bike"}),
    ("réparation vélos", {"category": "bike"}),
    # Commune words
    ("boulangerie tain", {"category": "bakery", "commune": TAIN}),
    ("boulangerie tournon", {"category": "bakery", "commune": TOURNON}),
    ("coiffeur tournon", {"category": "hair", "commune": TOURNON}),
    ("boucher saint donat", {"category": "butcher", "commune": SAINT_DONAT}),
    ("bar tournon", {"category": "cafe", "commune": TOURNON}),
    ("vin tain", {"category": "wine", "commune": TAIN}),
    ("mauves", {"commune": MAUVES}),
    ("saint jean de muzols", {"commune": SAINT_JEAN}),
    # Service words
    ("click and collect tournon", {"service": "click_collect", "commune": TOURNON}),
    ("livraison fleurs", {"category": "florist", "service": "delivery"}),
    ("pizzas à emporter", {"category": "pizzeria", "service": "takeaway"}),
    # The site's own name for call & collect, on the merchant pages and in the news
    ("appeler et retirer tournon", {"service": "call_collect", "commune": TOURNON}),
    ("call and collect tain", {"service": "call_collect", "commune": TAIN}),
    # Opening days
    ("restaurant ouvert dimanche", {"category": "restaurant", "open_day": 6}),
    # Typos
    ("boulangrie", {"category": "bakery"}),
    ("fromge", {"category": "cheese"}),
    ("resturant", {"category": "restaurant"}),
    ("quincailerie", {"category": "hardware"}),
    # Products and narrower intents
    ("bande dessinée", {"names": ["La Bulle Ardéchoise", "Librairie Papeterie du Lycée"]}),
    ("vélo électrique", {"names": ["Atelier Vélo du Rhône"]}),
    (
        "picodon",
        {"names": ["Le Comptoir du Picodon", "Fromagerie La Tomme d'Or", "Restaurant Le Picodon"]},
    ),
    ("vêtements enfants", {"names": ["Les Petits Loups"]}),
    (
        "pains au levain",
        {
            "names": [
                "Boulangerie Au Pain d'Hermitage",
                "Boulangerie Les Épis Dorés",
                "Boulangerie Pâtisserie Marcon",
            ]
        },
    ),
    # English, on the English site (untranslated French shops are listed there)
    ("bakery", {"category": "bakery", "language": "en"}),
    ("cheese shop", {"category": "cheese", "language": "en"}),
]
