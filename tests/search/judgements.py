"""The relevance suite's queries and what a resident expects on the first screen.

``where`` judges by what the merchants are (category, commune, service, open on a
given day: 6 is Sunday); ``names`` lists them when the intent is narrower. A query's
relevant set is the union of both.
"""

from tests.search.communes import (
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

# Written the way residents and visitors type (issue 20), by class. English queries
# run on the English site (``language``), over shops whose texts are French only.
EN = {"language": "en"}
RESIDENT_QUERIES = [
    # English words over French-only shops
    ("english", "honey", {"category": "honey", **EN}),
    ("english", "fish", {"category": "fish", **EN}),
    ("english", "toys", {"category": "toys", **EN}),
    ("english", "bread", {"category": "bakery", **EN}),
    ("english", "meat", {"category": "butcher", **EN}),
    ("english", "cheese", {"category": "cheese", **EN}),
    ("english", "wine", {"category": "wine", **EN}),
    ("english", "flowers", {"category": "florist", **EN}),
    ("english", "books", {"category": "books", **EN}),
    ("english", "shoes", {"category": "shoes", **EN}),
    ("english", "bike repair", {"category": "bike", **EN}),
    ("english", "barber", {"category": "barber", **EN}),
    ("english", "pharmacy", {"category": "pharmacy", **EN}),
    ("english", "glasses", {"category": "optician", **EN}),
    ("english", "dry cleaning", {"category": "pressing", **EN}),
    ("english", "ice cream", {"category": "icecream", **EN}),
    ("english", "pet shop", {"category": "pets", **EN}),
    ("english", "jewellery", {"category": "jewellery", **EN}),
    ("english", "locksmith", {"category": "locksmith", **EN}),
    ("english", "shoe repair", {"category": "cobbler", **EN}),
    ("english", "hearing aids", {"category": "hearing", **EN}),
    ("english", "computer repair", {"category": "computer", **EN}),
    ("english", "stationery", {"category": "stationery", **EN}),
    ("english", "pancakes", {"category": "creperie", **EN}),
    ("english", "car repair", {"category": "garage", **EN}),
    ("english", "chemist", {"category": "pharmacy", **EN}),
    # Typos anywhere in a word, accents left out or wrong
    ("typo", "pharmacei", {"category": "pharmacy"}),  # last letters swapped
    ("typo", "pharamcie", {"category": "pharmacy"}),  # middle letters swapped
    ("typo", "fharmacie", {"category": "pharmacy"}),  # first letter wrong
    ("typo", "harmacie", {"category": "pharmacy"}),  # first letter missing
    ("typo", "poissonerie", {"category": "fish"}),  # a double letter single
    ("typo", "boullangerie", {"category": "bakery"}),  # a letter doubled
    ("typo", "boulangeri", {"category": "bakery"}),  # last letter missing
    ("typo", "fleuristte", {"category": "florist"}),  # doubled near the end
    ("typo", "cordonier", {"category": "cobbler"}),
    ("typo", "librarie", {"category": "books"}),
    ("typo", "opticein", {"category": "optician"}),
    ("typo", "chocolatrie", {"category": "chocolate"}),
    ("typo", "patisserie", {"category": "bakery", "names": ["Maison Duval"]}),  # no accent
    ("typo", "pâtissrie", {"category": "bakery", "names": ["Maison Duval"]}),
    ("typo", "boucherié", {"category": "butcher"}),  # accent where there is none
    ("typo", "crèperie", {"category": "creperie"}),  # the wrong accent
    ("typo", "serurier", {"category": "locksmith"}),
    ("typo", "honny", {"category": "honey", **EN}),
    # Several words, one of them generic: every word first, rare words weigh more
    ("coverage", "reparation telephone", {"category": "phone"}),
    ("coverage", "réparation montre", {"category": "jewellery"}),
    ("coverage", "réparation chaussures", {"category": "cobbler"}),
    ("coverage", "magasin de jouets", {"category": "toys"}),
    ("coverage", "boutique vélo", {"category": "bike"}),
    ("coverage", "vente de miel", {"category": "honey"}),
    ("coverage", "réparation ordinateur", {"category": "computer"}),
    ("coverage", "magasin de chaussures tournon", {"names": ["Chausseur Martin"]}),
    # Natural phrasing, French and English
    ("phrasing", "où acheter du miel", {"category": "honey"}),
    ("phrasing", "je cherche un fleuriste à tournon", {"category": "florist", "commune": TOURNON}),
    ("phrasing", "où trouver du poisson frais", {"category": "fish"}),
    ("phrasing", "je voudrais faire réparer mon vélo", {"category": "bike"}),
    ("phrasing", "je cherche une pharmacie à tain", {"names": ["Pharmacie du Centre"]}),
    ("phrasing", "besoin d'un serrurier", {"category": "locksmith"}),
    ("phrasing", "où manger une pizza à tournon", {"category": "pizzeria", "commune": TOURNON}),
    ("phrasing", "where can I buy honey", {"category": "honey", **EN}),
    ("phrasing", "bakery near tain", {"category": "bakery", "commune": TAIN, **EN}),
    ("phrasing", "where to buy cheese", {"category": "cheese", **EN}),
    (
        "phrasing",
        "looking for a florist in tournon",
        {"category": "florist", "commune": TOURNON, **EN},
    ),
    # Words that are not the category's name: what shops sell and do
    ("vocabulary", "viande", {"category": "butcher"}),
    (
        "vocabulary",
        "barbe",
        {"names": ["Le Rasoir d'Or", "Le Barbier de la Roche", "L'Atelier du Coiffeur"]},
    ),
    ("vocabulary", "lentilles de contact", {"category": "optician"}),
    ("vocabulary", "lunettes", {"category": "optician"}),
    ("vocabulary", "médicaments", {"category": "pharmacy"}),
    ("vocabulary", "croquettes pour chien", {"category": "pets"}),
    ("vocabulary", "nettoyage à sec", {"category": "pressing"}),
    ("vocabulary", "teinturerie", {"category": "pressing"}),
    ("vocabulary", "bicyclette", {"category": "bike"}),
    ("vocabulary", "appareils auditifs", {"category": "hearing"}),
    ("vocabulary", "écran cassé", {"category": "phone"}),
    ("vocabulary", "sorbet", {"category": "icecream"}),
    ("vocabulary", "fruits de mer", {"category": "fish"}),
    ("vocabulary", "gâteau d'anniversaire", {"category": "pastry"}),
    ("vocabulary", "journaux", {"category": "newsagent"}),
    ("vocabulary", "double de clés", {"category": "cobbler"}),
    ("vocabulary", "vidange", {"category": "garage"}),
]
