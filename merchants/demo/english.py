"""English versions of ten demo merchants, written for the English site.

Shop names are names and stay as they are; the rest is English text, not a
word-for-word rendering. Keys are the French strings wagtail-localize extracts.
"""

ENGLISH = {
    # Boulangerie du Quai
    "Pains au levain cuits au feu de bois chaque matin, viennoiseries pur beurre et tarte "
    "aux pralines le week-end.": "Sourdough loaves from a wood-fired oven every morning, "
    "all-butter pastries, and the local pink praline tart at weekends.",
    "Trois générations de boulangers se sont succédé dans ce fournil du quai. Le levain est "
    "entretenu chaque jour et les farines viennent de moulins ardéchois.": "Three generations "
    "of bakers have worked in this bakehouse on the quay. The starter is fed every day and "
    "the flour comes from mills in the Ardèche.",
    "Commandez vos pains spéciaux la veille par téléphone : ils vous attendent dès 7 h.": "Ring "
    "the day before to order a speciality loaf: it will be waiting for you from 7 am.",
    # Fromagerie Les Deux Rives
    "Picodons, tommes des Boutières et fromages affinés sur place ; plateaux sur commande pour "
    "vos repas de fête.": "Picodon goat's cheeses, tommes from the Boutières hills and cheeses "
    "matured on the premises; cheese boards made to order for special meals.",
    "Une cave d'affinage voûtée sous la boutique permet de suivre chaque fromage jusqu'à sa "
    "maturité. Dégustations le samedi matin.": "A vaulted cellar under the shop lets every "
    "cheese mature at its own pace. Come and taste on Saturday mornings.",
    # Cave des Coteaux Granitiques
    "Une sélection de vins des deux rives du Rhône, des bières de la vallée et des conseils "
    "d'accord mets et vins.": "Wines chosen from both banks of the Rhône, beers brewed in the "
    "valley, and friendly advice on what to drink with what you cook.",
    # Le Panier Vert
    "Épicerie biologique en vrac : fruits et légumes de producteurs voisins, céréales, huiles et "
    "produits d'entretien.": "Organic grocer selling loose goods: fruit and vegetables from "
    "nearby growers, grains, oils and household cleaning products. Bring your own jars.",
    # Au Fil des Saisons
    "Bouquets de saison, plantes en pot et compositions pour mariages et cérémonies, livrées "
    "dans toute l'agglomération.": "Seasonal bouquets, potted plants and arrangements for "
    "weddings and ceremonies, delivered anywhere in the area.",
    # Librairie La Page Tournée
    "Romans, beaux livres sur la vallée du Rhône, bandes dessinées et un coin jeunesse avec "
    "lectures le mercredi.": "Novels, illustrated books about the Rhône valley, comics, and a "
    "children's corner with story time on Wednesdays.",
    "Inventaire et travaux : réouverture dans quelques jours. Les commandes restent possibles "
    "en ligne.": "Closed for stocktaking and building work, reopening in a few days. You can "
    "still order books online.",
    # Cycles du Rhône
    "Réparation et entretien de vélos classiques et électriques, location pour la ViaRhôna, "
    "pièces d'occasion.": "Repairs and servicing for ordinary and electric bikes, bike hire "
    "for the ViaRhôna cycle route, second-hand parts.",
    # Quincaillerie Vernet
    "Outillage, visserie au détail, articles de jardin et clés minute : on vous conseille et on "
    "commande ce qui manque.": "Tools, screws and bolts sold singly, garden supplies and keys "
    "cut while you wait; we give advice and order whatever is not in stock.",
    # Le Comptoir de Tain
    "Cuisine de marché et vins au verre, menu du jour le midi, plats à emporter à commander "
    "avant 11 h.": "Cooking from the morning market and wine by the glass, a set menu at "
    "lunchtime, and takeaway dishes to order before 11 am.",
    "Congés annuels : l'équipe sera ravie de vous retrouver à son retour.": "Closed for the "
    "annual holiday: the team looks forward to seeing you when they are back.",
    # Salon Mèche et Ciseaux
    "Coiffure femmes, hommes et enfants sur rendez-vous, soins végétaux et conseils pour cheveux "
    "bouclés.": "Haircuts for women, men and children by appointment, plant-based treatments "
    "and advice for curly hair.",
}

# The demo merchants translated into English (``external_id``).
TRANSLATED = [f"demo-{number:03d}" for number in range(1, 11)]
