"""The 41 communes of the agglomeration (ARCHE Agglo), in Drôme and Ardèche.

Public facts: names, INSEE codes and postcodes come from the official geographic code
as published in the national postcode file (BAN "codes-postaux", 2024); membership from
the agglomeration's 2019 list of its 41 communes, checked against each commune's
record. The coordinates are approximate village centres, used only to place the demo's
fictional shops near their commune.
"""

# (name, INSEE code, postcodes, latitude, longitude)
DROME = [
    ("Arthémonay", "26014", "26260", 45.1566, 5.0202),
    ("Bathernay", "26028", "26260", 45.1779, 4.9870),
    ("Beaumont-Monteux", "26038", "26600", 45.0191, 4.9205),
    ("Bren", "26061", "26260", 45.1455, 4.9364),
    ("Chanos-Curson", "26071", "26600", 45.0588, 4.9155),
    ("Chantemerle-les-Blés", "26072", "26600", 45.1293, 4.8881),
    ("Charmes-sur-l'Herbasse", "26077", "26260", 45.1481, 4.9567),
    ("Chavannes", "26092", "26260", 45.0905, 4.9433),
    ("Crozes-Hermitage", "26110", "26600", 45.0905, 4.8488),
    ("Érôme", "26119", "26600", 45.1253, 4.8209),
    ("Gervans", "26380", "26600", 45.1079, 4.8306),
    ("Larnage", "26156", "26600", 45.0973, 4.8636),
    ("Margès", "26174", "26260", 45.1468, 5.0445),
    ("Marsaz", "26177", "26260", 45.1079, 4.9378),
    ("Mercurol-Veaunes", "26179", "26600", 45.0781, 4.8943),
    ("Montchenu", "26194", "26350", 45.1929, 5.0262),
    ("Pont-de-l'Isère", "26250", "26600", 45.0011, 4.8664),
    ("La Roche-de-Glun", "26271", "26600", 45.0143, 4.8452),
    ("Saint-Donat-sur-l'Herbasse", "26301", "26260", 45.1232, 4.9826),
    ("Serves-sur-Rhône", "26341", "26600", 45.1400, 4.8240),
    ("Tain-l'Hermitage", "26347", "26600", 45.0700, 4.8457),
]

ARDECHE = [
    ("Arlebosc", "07014", "07410", 45.0361, 4.6514),
    ("Boucieu-le-Roi", "07040", "07270", 45.0354, 4.6815),
    ("Bozas", "07039", "07410", 45.0558, 4.6517),
    ("Cheminas", "07063", "07300", 45.1250, 4.7519),
    ("Colombier-le-Jeune", "07068", "07270", 45.0107, 4.7024),
    ("Colombier-le-Vieux", "07069", "07410", 45.0650, 4.6936),
    ("Étables", "07086", "07300", 45.0957, 4.7430),
    ("Glun", "07097", "07300", 45.0158, 4.8271),
    ("Lemps", "07140", "07300, 07610", 45.0968, 4.7741),
    ("Mauves", "07152", "07300", 45.0387, 4.8311),
    ("Pailharès", "07170", "07410", 45.0890, 4.5650),
    ("Plats", "07177", "07300", 45.0108, 4.7831),
    ("Saint-Barthélemy-le-Plain", "07217", "07300", 45.0537, 4.7443),
    ("Saint-Félicien", "07236", "07410", 45.0868, 4.6280),
    ("Saint-Jean-de-Muzols", "07245", "07300", 45.0799, 4.8146),
    ("Saint-Victor", "07301", "07410", 45.0947, 4.6818),
    ("Sécheras", "07312", "07610", 45.1271, 4.7703),
    ("Tournon-sur-Rhône", "07324", "07300", 45.0672, 4.8327),
    ("Vaudevant", "07335", "07410", 45.1042, 4.6197),
    ("Vion", "07345", "07610", 45.1147, 4.8003),
]
