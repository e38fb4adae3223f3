# ruff: noqa: E501 - one offer a line reads better than wrapped tuples
"""Offers of the relevance site's shops, for the product queries of
``test_offer_relevance.py``: residents search for what they want ("picodon", "galette
des rois") more often than for a shop. Texts are original, written for the suite.

``(shop category, title, description, kind, availability, months, valid from, valid
until)``; the suite runs on 10 January 2027, so the galette is in season, the winter
sales are on and the summer sales are over.
"""

import datetime

WINTER = (datetime.date(2027, 1, 6), datetime.date(2027, 2, 2))
SUMMER = (datetime.date(2026, 6, 24), datetime.date(2026, 7, 21))

OFFERS = [
    ("bakery", "Galette des rois à la frangipane", "Pâte feuilletée et crème d'amande, avec sa fève.", "produit", "saisonnier", [1], None),
    ("bakery", "Pogne de Romans", "Brioche en couronne à la fleur d'oranger.", "produit", "en_stock", [], None),
    ("bakery", "Suisse de Valence", "Biscuit en forme de bonhomme à l'orange confite.", "produit", "en_stock", [], None),
    ("cheese", "Picodon AOP affiné", "Petit chèvre de la Drôme et de l'Ardèche, sec ou crémeux.", "produit", "en_stock", [], None),
    ("cheese", "Raclette à la coupe", "Fromage à raclette au lait cru, de novembre à mars.", "produit", "saisonnier", [11, 12, 1, 2, 3], None),
    ("bike", "Vélo électrique d'occasion révisé", "Batterie contrôlée, garantie six mois.", "produit", "stock_limite", [], None),
    ("bike", "Location de vélo pour la ViaRhôna", "Vélo de randonnée avec sacoches et casque.", "service", "en_stock", [], None),
    ("clothes", "Soldes d'hiver : chaussures -30 %", "Bottines et chaussures de ville.", "promotion", "en_stock", [], WINTER),
    ("clothes", "Soldes d'été : sandales en cuir", "Sandales tressées de la collection d'été.", "promotion", "en_stock", [], SUMMER),
    ("chocolate", "Marrons glacés", "Confits pendant quatre jours, la boîte de 250 g.", "produit", "saisonnier", [11, 12, 1], None),
    ("chocolate", "Œufs de Pâques en chocolat", "Chocolat noir et lait moulé à l'atelier.", "produit", "saisonnier", [3, 4], None),
    ("butcher", "Caillettes ardéchoises", "Porc, blettes et herbes, cuites au four.", "produit", "en_stock", [], None),
    ("deli", "Sirop de violette", "Pour les cocktails et les crêpes, 50 cl.", "produit", "en_stock", [], None),
    ("caterer", "Ravioles du Dauphiné gratinées", "Plat pour quatre, prêt à passer au four.", "produit", "en_stock", [], None),
    ("hardware", "Reproduction de clés", "Clés plates et de sécurité, faites pendant que vous attendez.", "service", "en_stock", [], None),
    ("cobbler", "Ressemelage de bottes", "Semelle cuir ou gomme, en une semaine.", "service", "en_stock", [], None),
    ("florist", "Bouquet pour la fête des mères", "Fleurs de saison composées le jour même.", "produit", "saisonnier", [5, 6], None),
    ("greengrocer", "Clémentines de Corse", "Avec leurs feuilles, arrivage le mardi.", "produit", "saisonnier", [11, 12, 1, 2], None),
    ("organic", "Miel de châtaignier", "Pot de 500 g récolté sur les collines.", "produit", "en_stock", [], None),
    ("hair", "Coupe enfant", "Pour les moins de douze ans, le mercredi.", "service", "en_stock", [], None),
]  # fmt: skip

# (query, the offer expected first), on 10 January 2027.
PRODUCT_QUERIES = [
    ("galette des rois", "Galette des rois à la frangipane"),
    ("galette", "Galette des rois à la frangipane"),
    ("picodon", "Picodon AOP affiné"),
    ("picodons", "Picodon AOP affiné"),
    ("vélo électrique d'occasion", "Vélo électrique d'occasion révisé"),
    ("velo electrique occasion", "Vélo électrique d'occasion révisé"),
    ("promotion chaussures", "Soldes d'hiver : chaussures -30 %"),
    ("soldes chaussures", "Soldes d'hiver : chaussures -30 %"),
    ("marrons glacés", "Marrons glacés"),
    ("caillettes", "Caillettes ardéchoises"),
    ("sirop de violette", "Sirop de violette"),
    ("ravioles", "Ravioles du Dauphiné gratinées"),
    ("pogne", "Pogne de Romans"),
    ("suisse de valence", "Suisse de Valence"),
    ("double de clés", "Reproduction de clés"),
    ("ressemelage", "Ressemelage de bottes"),
    ("raclette", "Raclette à la coupe"),
    ("clémentines", "Clémentines de Corse"),
    ("miel de châtaignier", "Miel de châtaignier"),
    ("location vélo viarhona", "Location de vélo pour la ViaRhôna"),
]

# Offers that must not be found on that day (over, or out of season).
HIDDEN_QUERIES = [
    ("sandales", "Soldes d'été : sandales en cuir"),
    ("œufs de pâques", "Œufs de Pâques en chocolat"),
    ("bouquet fête des mères", "Bouquet pour la fête des mères"),
]
