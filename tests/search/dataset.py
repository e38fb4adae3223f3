"""The relevance suite's merchants: 190 fictional shops with hand-written French texts.

Written to be realistic *and* to trap a naive search: restaurants that serve cheese,
cafés that sell croissants, a cobbler that "repairs", a florist on the "Place du
Marché", shops whose description mentions another commune. Categories are the demo's
(keys of ``merchants.demo.categories``) for ``MERCHANTS``, named otherwise for the
``IMPORTED`` shops; communes are given by INSEE code.

Row: (name, category key, INSEE code, services, hours key, description)
Services: cc click and collect, tc call and collect, dl delivery, rv pickup by
appointment, em takeaway. Hours keys: see ``HOURS`` below ("-" means none given).
"""

from tests.search.communes import (
    CHANOS,
    COLOMBIER,
    CROZES,
    EROME,
    GLUN,
    LEMPS,
    MAUVES,
    MERCUROL,
    PONT_ISERE,
    ROCHE,
    SAINT_DONAT,
    SAINT_FELICIEN,
    SAINT_JEAN,
    SERVES,
    TAIN,
    TOURNON,
    VION,
)
from tests.search.dataset_imported import IMPORTED

HOURS = {
    "bakery": "Tu-Sa 06:30-13:00,15:30-19:30; Su 07:00-12:30; PH off",
    "shop": "Tu-Sa 09:00-12:30,14:30-19:00; PH off",
    "food": "Tu-Sa 08:30-12:30,15:00-19:00; Su 08:30-12:30; PH off",
    "restaurant_sunday": "Tu-Sa 12:00-14:00,19:00-22:00; Su 12:00-14:30",
    "restaurant_week": "Mo-Fr 12:00-14:00,19:00-21:30",
    "lunch": "Mo-Fr 11:45-14:30",
    "bar": "Mo-Th 07:00-20:00; Fr-Sa 07:00-01:00; Su 08:00-13:00",
    "pizzeria": "We-Su 18:00-22:30",
    "services": "Tu-Fr 09:00-18:30; Sa 08:30-16:00; PH off",
    "workshop": "Mo-Fr 08:30-12:00,13:30-18:00",
    "-": "",
}

# Two lines per merchant: the facts, then the description.
# fmt: off
MERCHANTS = [
    # Bakeries
    ("Boulangerie Au Pain d'Hermitage", "bakery", TAIN, "em tc", "bakery",
     "Pains au levain, baguettes de tradition et viennoiseries pur beurre au cœur de Tain."),
    ("Le Fournil des Coteaux", "bakery", TAIN, "em", "bakery",
     "Fournil artisanal au pied des vignes : pain de seigle, fougasses et tartes aux fruits."),
    ("Maison Bréchet, boulanger", "bakery", TAIN, "em cc", "shop",
     "Boulanger depuis trois générations, spécialiste des brioches et des pognes."),
    ("Boulangerie du Pont Seguin", "bakery", TOURNON, "em", "bakery",
     "Face à la passerelle, pains cuits au feu de bois et croissants dès 6 h 30."),
    ("La Mie Tournonaise", "bakery", TOURNON, "em tc", "bakery",
     "Pains spéciaux aux céréales, sandwichs du midi et gâteaux de fête sur commande."),
    ("Boulangerie Saint-Julien", "bakery", TOURNON, "em", "shop",
     "Baguette bien cuite, pain complet et chouquettes, à deux pas du lycée."),
    ("Au Bon Grain de Mauves", "bakery", MAUVES, "em", "bakery",
     "Le dépôt de pain du village, farines locales et tartes aux pralines le dimanche."),
    ("Boulangerie Les Épis Dorés", "bakery", SAINT_JEAN, "em cc", "bakery",
     "Pains bio au levain naturel et viennoiseries, commande en ligne la veille."),
    ("La Huche à Pain", "bakery", ROCHE, "em", "shop",
     "Pain de campagne, miches et biscuits secs faits maison."),
    ("Boulangerie Pâtisserie Marcon", "bakery", MERCUROL, "em tc", "bakery",
     "Entremets, macarons et pièces montées pour les mariages, pains au levain."),
    ("Le Pétrin de Chanos", "bakery", CHANOS, "em", "bakery",
     "Petite boulangerie de village : baguettes, croissants et journaux du matin."),
    ("Boulangerie de la Herbasse", "bakery", SAINT_DONAT, "em", "bakery",
     "Pognes de Romans, suisses et pains aux noix de la vallée."),
    ("Boulangerie Chez Lucette", "bakery", SAINT_FELICIEN, "em", "bakery",
     "Pain cuit au bois chaque matin et tartes aux myrtilles des Boutières."),
    ("Aux Délices de l'Isère", "bakery", PONT_ISERE, "em cc", "bakery",
     "Pâtisseries fines, éclairs et tartelettes, pains de tradition française."),
    ("Le Moulin de Glun", "bakery", GLUN, "em", "shop",
     "Pains à l'ancienne, farines moulues sur meule de pierre."),
    # Butchers
    ("Boucherie Perrier", "butcher", TAIN, "tc dl", "food",
     "Viandes de race charolaise, volailles fermières et caillettes maison."),
    ("Charcuterie du Vivarais", "butcher", TOURNON, "tc", "food",
     "Saucissons secs, jambons de pays et pâtés en croûte de l'Ardèche."),
    ("Boucherie des Deux Rives", "butcher", TOURNON, "cc tc", "shop",
     "Agneau de l'Ardèche, bœuf de la Drôme et plats cuisinés le samedi."),
    ("La Boucherie de Mercurol", "butcher", MERCUROL, "tc", "food",
     "Viande maturée, merguez et brochettes pour vos barbecues."),
    ("Boucherie Charcuterie Faure", "butcher", SAINT_DONAT, "tc dl", "food",
     "Charcuterie fumée maison, rôtis et volailles de Bresse pour les fêtes."),
    ("Maison Giraud, charcutier", "butcher", SAINT_FELICIEN, "tc", "shop",
     "Caillettes, saucisses aux herbes et terrines d'après les recettes du village."),
    ("Boucherie du Plateau", "butcher", COLOMBIER, "dl", "shop",
     "Bœuf et veau élevés sur le plateau, livraison dans les villages voisins."),
    ("L'Étal de la Roche", "butcher", ROCHE, "tc", "food",
     "Boucher-traiteur : viandes, volailles rôties le dimanche et plats du jour."),
    # Cheese
    ("Fromagerie La Tomme d'Or", "cheese", TAIN, "cc tc", "shop",
     "Fromages affinés en cave : picodons, saint-marcellin et tommes de montagne."),
    ("Crèmerie du Marché", "cheese", TOURNON, "tc", "food",
     "Crèmerie et fromages de chèvre, beurre de baratte et yaourts fermiers."),
    ("Au Plateau de Fromages", "cheese", TOURNON, "cc dl", "shop",
     "Plateaux de fromages pour vos réceptions, raclette et fondue en hiver."),
    ("Le Comptoir du Picodon", "cheese", SAINT_JEAN, "tc", "shop",
     "Picodons AOP de producteurs ardéchois, frais ou secs, et fromages blancs."),
    ("Fromagerie des Boutières", "cheese", SAINT_FELICIEN, "tc", "food",
     "Tommes, bleus et fromages fermiers affinés par nos soins."),
    ("La Cave à Fromages", "cheese", MERCUROL, "cc", "shop",
     "Plus de cent fromages de France et d'Italie, conseils d'accords avec les vins."),
    ("Fromages et Compagnie", "cheese", SAINT_DONAT, "tc dl", "shop",
     "Comté, reblochon et saint-félicien, paniers garnis sur commande."),
    ("Le Chèvre de Lemps", "cheese", LEMPS, "", "food",
     "Fromagerie à la ferme : chèvres frais, faisselles et lait cru."),
    # Organic groceries
    ("Épicerie Bio La Gerbe", "organic", TAIN, "cc dl", "shop",
     "Épicerie biologique : vrac, fruits et légumes de saison et produits d'hygiène."),
    ("Le Grenier Bio", "organic", TOURNON, "cc", "shop",
     "Magasin bio : céréales en vrac, farines, thés et cosmétiques naturels."),
    ("Biocoop des Deux Rives", "organic", TOURNON, "cc dl", "shop",
     "Produits biologiques et locaux, rayon vrac de plus de 300 références."),
    ("La Récolte Bio", "organic", MAUVES, "cc", "shop",
     "Petite épicerie bio de village : légumes du jardin, œufs et miel."),
    ("Vrac et Nature", "organic", SAINT_JEAN, "cc", "shop",
     "Épicerie zéro déchet : vrac, bocaux consignés, produits d'entretien."),
    ("Épicerie Bio du Plateau", "organic", SAINT_FELICIEN, "dl", "shop",
     "Produits bio des fermes voisines, pains et fromages de producteurs."),
    ("Les Paniers de l'Herbasse", "organic", SAINT_DONAT, "cc dl", "shop",
     "Paniers de légumes biologiques à commander en ligne, retrait le vendredi."),
    ("Bio Chanos", "organic", CHANOS, "cc", "shop",
     "Alimentation biologique, farines, légumineuses et fruits secs en vrac."),
    # Delicatessen
    ("L'Épicerie Fine de Tain", "deli", TAIN, "cc", "shop",
     "Huiles d'olive, confitures, terrines et cadeaux gourmands."),
    ("Saveurs du Rhône", "deli", TOURNON, "cc dl", "shop",
     "Produits fins de la vallée : nougats, miels de lavande et sirops."),
    ("Le Garde-Manger", "deli", MERCUROL, "tc", "shop",
     "Épicerie fine et traiteur : foie gras, truffes et conserves de canard."),
    ("Épicerie de la Place", "deli", ROCHE, "tc", "food",
     "Épicerie de dépannage et produits régionaux, dépôt de pain le dimanche."),
    ("Maison Vernet, épicier", "deli", SAINT_DONAT, "", "shop",
     "Épices, thés en vrac et cafés torréfiés sur place."),
    ("Le Panier des Coteaux", "deli", CROZES, "cc", "shop",
     "Paniers garnis, jus de fruits et confitures des producteurs de Crozes."),
    # Greengrocers
    ("Primeur Les Vergers de Tain", "greengrocer", TAIN, "tc dl", "food",
     "Fruits et légumes de saison, abricots et cerises des vergers voisins."),
    ("Au Jardin de Tournon", "greengrocer", TOURNON, "tc", "food",
     "Primeur : légumes frais, herbes aromatiques et fruits exotiques."),
    ("Les Halles de Pont-de-l'Isère", "greengrocer", PONT_ISERE, "dl", "food",
     "Marchand de fruits et légumes, paniers livrés à domicile."),
    ("Le Potager de Glun", "greengrocer", GLUN, "", "food",
     "Vente à la ferme de légumes, pommes de terre et courges."),
    ("Fruits et Primeurs Vion", "greengrocer", VION, "tc", "shop",
     "Pêches, poires et noix du pays, jus de pomme artisanal."),
    ("Primeur de la Herbasse", "greengrocer", SAINT_DONAT, "tc", "food",
     "Fruits, légumes et fromages de producteurs sur les marchés."),
    # Wine
    ("Cave de l'Hermitage", "wine", TAIN, "cc dl", "food",
     "Vins de l'Hermitage, de Crozes-Hermitage et de Saint-Joseph, dégustation."),
    ("Les Vins du Confluent", "wine", TAIN, "cc", "shop",
     "Caviste : vins nature, whiskies et bières artisanales."),
    ("Caviste Saint-Joseph", "wine", TOURNON, "cc dl", "food",
     "Grands crus de la vallée du Rhône, conseils d'accord mets et vins."),
    ("La Cave des Granits", "wine", SAINT_JEAN, "cc", "shop",
     "Vins de Saint-Joseph et de Cornas, cidres et spiritueux."),
    ("Domaine et Bouteilles", "wine", MERCUROL, "dl", "shop",
     "Cave à vins et épicerie de producteurs, livraison pour les fêtes."),
    ("Cave Coopérative de Crozes", "wine", CROZES, "cc", "food",
     "Vins de Crozes-Hermitage en bouteille et en vrac, jus de raisin."),
    ("La Cave d'Érôme", "wine", EROME, "", "shop",
     "Caviste de village, vins du Rhône septentrional et bières locales."),
    ("Le Cellier de Serves", "wine", SERVES, "cc", "shop",
     "Vins, champagnes et coffrets cadeaux, dégustation le samedi."),
    # Chocolate
    ("Chocolaterie Valrhône", "chocolate", TAIN, "cc dl", "food",
     "Chocolatier : ganaches, pralinés et tablettes de grands crus de cacao."),
    ("Les Douceurs de Tournon", "chocolate", TOURNON, "cc", "shop",
     "Chocolats, calissons et marrons glacés d'Ardèche."),
    ("Cacao et Noisette", "chocolate", MAUVES, "cc", "shop",
     "Chocolaterie artisanale : rochers, orangettes et pâtes à tartiner."),
    ("Chocolaterie du Vivarais", "chocolate", SAINT_FELICIEN, "tc", "shop",
     "Bonbons de chocolat à la châtaigne et moulages de Pâques."),
    ("Le Chocolatier de Saint-Donat", "chocolate", SAINT_DONAT, "cc", "shop",
     "Chocolats fins, truffes et glaces artisanales l'été."),
    # Restaurants
    ("Restaurant Le Quai des Arts", "restaurant", TAIN, "em", "restaurant_sunday",
     "Cuisine de saison au bord du Rhône, plateau de fromages et desserts maison."),
    ("La Table de l'Hermitage", "restaurant", TAIN, "em", "restaurant_week",
     "Menu du marché le midi, cuisine bistronomique le soir."),
    ("Restaurant Les Terrasses", "restaurant", TAIN, "", "restaurant_sunday",
     "Terrasse panoramique sur les vignes, brunch le dimanche."),
    ("Le Bistrot du Château", "restaurant", TOURNON, "em", "restaurant_sunday",
     "Bistrot au pied du château : ravioles, caillettes et gratin dauphinois."),
    ("Restaurant La Passerelle", "restaurant", TOURNON, "em tc", "restaurant_week",
     "Cuisine du monde et plats à emporter, fermé le week-end."),
    ("L'Auberge des Deux Rives", "restaurant", TOURNON, "", "restaurant_sunday",
     "Auberge familiale, menu du dimanche et spécialités ardéchoises."),
    ("Restaurant Le Picodon", "restaurant", SAINT_JEAN, "em", "restaurant_week",
     "Cuisine traditionnelle, salade de chèvre chaud et fromages du pays."),
    ("La Guinguette de Mauves", "restaurant", MAUVES, "em", "restaurant_sunday",
     "Guinguette au bord de l'eau, fritures et grillades, ouvert le dimanche midi."),
    ("Le Relais de la Roche", "restaurant", ROCHE, "em", "restaurant_sunday",
     "Relais routier, plat du jour et desserts maison."),
    ("Restaurant Les Vignes", "restaurant", MERCUROL, "", "restaurant_week",
     "Restaurant gastronomique, accords mets et vins de Crozes-Hermitage."),
    ("La Ferme Auberge de Lemps", "restaurant", LEMPS, "", "restaurant_sunday",
     "Produits de la ferme, volailles rôties et fromages de chèvre."),
    ("Restaurant Le Saint-Donat", "restaurant", SAINT_DONAT, "em", "restaurant_week",
     "Cuisine maison, pizzas le vendredi soir et menu ouvrier."),
    ("Le Café des Boutières", "restaurant", SAINT_FELICIEN, "em", "restaurant_sunday",
     "Restaurant de village : omelettes aux cèpes et tartes maison."),
    ("La Table de Chanos", "restaurant", CHANOS, "", "lunch",
     "Cantine du midi, produits locaux et menu végétarien."),
    ("Restaurant du Pont", "restaurant", PONT_ISERE, "em", "restaurant_sunday",
     "Restaurant familial : grenouilles, poissons du Rhône et desserts."),
    # Cafés and bars
    ("Café du Commerce", "cafe", TAIN, "", "bar",
     "Bar-tabac, café du matin, croissants et journaux, terrasse au soleil."),
    ("Le Bar des Sports", "cafe", TOURNON, "", "bar",
     "Retransmissions sportives, bières pression et planches de charcuterie."),
    ("Brasserie Le Tournesol", "cafe", TOURNON, "em", "bar",
     "Brasserie, cafés, thés et pâtisseries l'après-midi."),
    ("Le Petit Café de Mauves", "cafe", MAUVES, "", "bar",
     "Café associatif, concerts le vendredi et jeux de société."),
    ("Bar Le Zinc", "cafe", SAINT_JEAN, "", "bar",
     "Bar de quartier, apéritifs et vins au verre."),
    ("Café de la Place", "cafe", SAINT_DONAT, "", "bar",
     "Café sur la place du marché, chocolat chaud et viennoiseries."),
    ("L'Estaminet de la Roche", "cafe", ROCHE, "", "bar",
     "Bar-restaurant, fléchettes et soirées quiz."),
    ("Le Comptoir de Serves", "cafe", SERVES, "", "bar",
     "Petit bar au bord de la ViaRhôna, glaces et boissons fraîches pour les cyclistes."),
    # Pizzerias
    ("Pizzeria Bella Vista", "pizzeria", TAIN, "em tc", "pizzeria",
     "Pizzas au feu de bois, à emporter ou sur place."),
    ("Pizza Tournon", "pizzeria", TOURNON, "em tc dl", "pizzeria",
     "Pizzas à emporter et livraison le soir dans tout Tournon."),
    ("Le Four à Pizza", "pizzeria", MERCUROL, "em", "pizzeria",
     "Camion pizza le mercredi, pâte maison et légumes du jardin."),
    ("Pizzeria Da Marco", "pizzeria", SAINT_DONAT, "em tc", "pizzeria",
     "Pizzas napolitaines, calzones et tiramisu."),
    ("Pizzeria du Plateau", "pizzeria", SAINT_FELICIEN, "em", "pizzeria",
     "Pizzas aux fromages de chèvre et à la caillette."),
    ("La Casa Pizza", "pizzeria", PONT_ISERE, "em dl", "pizzeria",
     "Pizzas et salades, livraison à Pont-de-l'Isère et Beaumont-Monteux."),
    # Caterers
    ("Traiteur Les Saveurs", "caterer", TAIN, "tc dl", "shop",
     "Traiteur pour mariages et buffets, plats cuisinés à emporter."),
    ("Maison Chabert Traiteur", "caterer", TOURNON, "tc em", "food",
     "Plats du jour, quiches et salades composées, buffets d'entreprise."),
    ("Le Traiteur de l'Herbasse", "caterer", SAINT_DONAT, "tc dl", "shop",
     "Repas de fête, cocktails dînatoires et pièces montées."),
    ("Réceptions du Rhône", "caterer", MERCUROL, "tc", "workshop",
     "Traiteur événementiel, repas de famille et séminaires."),
    ("La Cuisine de Paulette", "caterer", MAUVES, "em tc", "shop",
     "Plats cuisinés maison à emporter : lasagnes, hachis et gratins."),
    # Florists
    ("Fleurs de l'Hermitage", "florist", TAIN, "tc dl", "food",
     "Fleuriste : bouquets de saison, plantes et compositions de deuil."),
    ("L'Atelier Floral", "florist", TOURNON, "cc dl", "food",
     "Compositions florales, mariages et abonnements de fleurs pour les entreprises."),
    ("La Rose de Mauves", "florist", MAUVES, "tc", "shop",
     "Petite boutique de fleurs coupées et plantes vertes."),
    ("Au Jardin Fleuri", "florist", SAINT_DONAT, "tc dl", "food",
     "Fleuriste et pépiniériste, plants de légumes au printemps."),
    ("Fleurs et Sens", "florist", SAINT_JEAN, "cc", "shop",
     "Bouquets champêtres, fleurs séchées et ateliers de composition."),
    ("Le Bouquet de la Place du Marché", "florist", ROCHE, "tc", "food",
     "Fleuriste de la place du marché, livraison de bouquets le jour même."),
    ("Fleuriste Marguerite", "florist", PONT_ISERE, "dl", "shop",
     "Orchidées, bonsaïs et bouquets livrés à domicile."),
    # Bookshops
    ("Librairie Le Rhône des Mots", "books", TAIN, "cc rv", "shop",
     "Librairie indépendante : romans, essais et rayon jeunesse."),
    ("Librairie Papeterie du Lycée", "books", TOURNON, "cc", "shop",
     "Livres scolaires, fournitures et bandes dessinées."),
    ("La Bulle Ardéchoise", "books", TOURNON, "cc rv", "shop",
     "Librairie de bandes dessinées, mangas et jeux de société."),
    ("Les Livres du Plateau", "books", SAINT_FELICIEN, "rv", "shop",
     "Librairie-café, livres d'occasion et rencontres d'auteurs."),
    ("Librairie de l'Herbasse", "books", SAINT_DONAT, "cc", "shop",
     "Romans, guides de randonnée et cartes de la Drôme."),
    ("Le Marque-Page", "books", MERCUROL, "cc rv", "shop",
     "Petite librairie générale, commandes livrées en 48 heures."),
    # Hardware
    ("Quincaillerie Dumas", "hardware", TAIN, "tc", "workshop",
     "Outillage, visserie, peinture et clés minute."),
    ("Droguerie du Vivarais", "hardware", TOURNON, "tc", "workshop",
     "Droguerie et quincaillerie : produits d'entretien, vaisselle et bricolage."),
    ("Bricolage de la Roche", "hardware", ROCHE, "tc dl", "workshop",
     "Matériaux, jardinage et location d'outils, livraison de bois."),
    ("Quincaillerie Centrale", "hardware", SAINT_DONAT, "tc", "workshop",
     "Quincaillerie, serrurerie et articles de cuisine."),
    ("Le Comptoir du Bricoleur", "hardware", MERCUROL, "cc", "workshop",
     "Outils de jardin, pièces de vélo et chambres à air, graines."),
    ("Quincaillerie de Lemps", "hardware", LEMPS, "", "workshop",
     "Petite quincaillerie rurale, fourniture agricole et ficelle."),
    # Clothing
    ("Boutique Élégance", "clothes", TAIN, "cc", "shop",
     "Prêt-à-porter féminin, robes et accessoires de créateurs."),
    ("L'Homme Moderne", "clothes", TOURNON, "cc rv", "shop",
     "Vêtements pour homme, costumes et chemises sur mesure."),
    ("Les Petits Loups", "clothes", TOURNON, "cc", "shop",
     "Vêtements pour enfants et chaussures de la naissance à 12 ans."),
    ("Friperie La Seconde Vie", "clothes", SAINT_JEAN, "", "shop",
     "Vêtements de seconde main, vintage et retouches."),
    ("Sport et Montagne", "clothes", SAINT_FELICIEN, "cc", "shop",
     "Vêtements de randonnée, chaussures de marche et location de raquettes."),
    ("Mode et Marine", "clothes", SAINT_DONAT, "cc", "shop",
     "Mode féminine et masculine, marinières et jeans."),
    ("La Boutique du Cycliste", "clothes", MERCUROL, "cc", "shop",
     "Vêtements cyclistes, maillots, cuissards et casques."),
    ("Tissus et Couture", "clothes", ROCHE, "rv", "shop",
     "Retouches, ourlets et créations couture sur rendez-vous."),
    # Home and gifts
    ("La Maison de Léonie", "gifts", TAIN, "cc", "shop",
     "Décoration, linge de maison et bougies parfumées."),
    ("Cadeaux du Rhône", "gifts", TOURNON, "cc", "shop",
     "Souvenirs, céramiques et objets de créateurs locaux."),
    ("Poterie de Mauves", "gifts", MAUVES, "rv", "shop",
     "Atelier de poterie, vaisselle en grès et cours de tournage."),
    ("L'Atelier Bois et Lin", "gifts", SAINT_FELICIEN, "rv", "shop",
     "Meubles peints, jouets en bois et luminaires."),
    ("Idées Cadeaux Saint-Donat", "gifts", SAINT_DONAT, "cc", "shop",
     "Bijoux fantaisie, papeterie et cartes de vœux."),
    ("Le Grenier de Glun", "gifts", GLUN, "", "shop",
     "Brocante et objets anciens, meubles restaurés."),
    # Hairdressers
    ("Salon Coiff'Tain", "hair", TAIN, "rv", "services",
     "Coiffure femme et homme, couleurs végétales et coupes enfants."),
    ("L'Atelier du Coiffeur", "hair", TOURNON, "rv", "services",
     "Coiffeur barbier, tailles de barbe et rasage à l'ancienne."),
    ("Coiffure Amandine", "hair", TOURNON, "rv", "services",
     "Salon de coiffure, chignons de mariée et lissages."),
    ("Hair Studio", "hair", SAINT_JEAN, "rv", "services",
     "Coupes tendance, balayages et soins du cuir chevelu."),
    ("Coiffure à Domicile Nadine", "hair", MERCUROL, "rv", "services",
     "Coiffeuse à domicile dans les villages de l'Hermitage."),
    ("Salon Mèches Rebelles", "hair", SAINT_DONAT, "rv", "services",
     "Coiffure mixte, permanentes et couleurs."),
    ("Le Barbier de la Roche", "hair", ROCHE, "rv", "services",
     "Barbier, soins de la barbe et coupes homme."),
    ("Coiffure Boutières", "hair", SAINT_FELICIEN, "rv", "services",
     "Salon de coiffure du village, ouvert le samedi matin."),
    # Bike repair
    ("Atelier Vélo du Rhône", "bike", TAIN, "rv", "workshop",
     "Réparation et entretien de vélos, révision des vélos électriques."),
    ("Cycles Tournonais", "bike", TOURNON, "rv cc", "shop",
     "Vente et réparation de vélos, location pour la ViaRhôna."),
    ("Le Clou Rouillé", "bike", SAINT_JEAN, "rv", "workshop",
     "Atelier associatif d'autoréparation de bicyclettes, pièces d'occasion."),
    ("Vélo Service Mercurol", "bike", MERCUROL, "rv", "workshop",
     "Réparateur de vélos et trottinettes, crevaisons réparées en une heure."),
    ("Roue Libre Saint-Donat", "bike", SAINT_DONAT, "rv", "shop",
     "Magasin de cycles : vélos de route, VTT et accessoires."),
    # Cobblers
    ("Cordonnerie Minute", "cobbler", TAIN, "", "services",
     "Cordonnier : réparation de chaussures, clés et gravure."),
    ("Le Cordonnier de Tournon", "cobbler", TOURNON, "", "services",
     "Ressemelage, réparation de sacs et de ceintures en cuir."),
    ("Cordonnerie de la Herbasse", "cobbler", SAINT_DONAT, "", "services",
     "Talons, semelles et teinture de chaussures."),
    ("Clés et Talons", "cobbler", PONT_ISERE, "", "services",
     "Reproduction de clés, cordonnerie et plaques d'immatriculation."),
    # Beauty
    ("Institut Belle Rive", "beauty", TAIN, "rv", "services",
     "Institut de beauté : soins du visage, épilation et manucure."),
    ("L'Écrin de Beauté", "beauty", TOURNON, "rv", "services",
     "Esthéticienne, massages et soins aux huiles essentielles."),
    ("Instant Zen", "beauty", SAINT_JEAN, "rv", "services",
     "Modelages, réflexologie et soins du corps."),
    ("Beauté des Boutières", "beauty", SAINT_FELICIEN, "rv", "services",
     "Institut de village, maquillage et beauté des mains."),
    ("Ongles et Cils", "beauty", SAINT_DONAT, "rv", "services",
     "Prothésiste ongulaire, extensions de cils."),
    ("Spa de l'Hermitage", "beauty", MERCUROL, "rv", "services",
     "Spa, hammam et soins au raisin de l'Hermitage."),
]
# fmt: on

IMPORTED_CATEGORIES = sorted({category for _n, _t, category, *_rest in IMPORTED})
# Every judged merchant as (name, trade key, INSEE code, services, hours, description).
ALL_MERCHANTS = [
    *MERCHANTS,
    *((name, trade, insee, services, hours, text)
      for name, trade, _category, insee, services, hours, text in IMPORTED),
]  # fmt: skip

SERVICE_CODES = {
    "cc": "click_collect",
    "tc": "call_collect",
    "dl": "delivery",
    "rv": "pickup_appointment",
    "em": "takeaway",
}


def create_relevance_site():
    """A second site root (a home page beside the demo's) with a directory holding
    ``MERCHANTS``, published and with their open periods. Returns the home page.

    A separate root keeps the demo's merchants out of the judged results: searches are
    scoped to ``home.path``. Index the returned merchants yourself (the bulk path
    indexes on commit, which a test transaction never reaches).
    """
    from django.utils.text import slugify
    from wagtail.models import Locale, Page

    from home.bulk_pages import create_child_pages
    from home.models import HomePage
    from merchants.demo.categories import CATEGORIES
    from merchants.models import Category, Commune, MerchantIndexPage, MerchantPage
    from merchants.open_periods import refresh_open_periods

    fr = Locale.objects.get(language_code="fr")
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Site de pertinence", slug="pertinence", hero_title="Test", locale=fr
        )
    )
    index = home.add_child(
        instance=MerchantIndexPage(title="Commerces", slug="commerces-pertinence", locale=fr)
    )
    slugs = {key: slug for key, _n, _e, slug, _s, _t, _c in CATEGORIES}
    for _key, _n, _e, _slug, _s, _t, children in CATEGORIES:
        slugs.update({key: slug for key, _n, _e, slug, _s, _t in children})
    categories = {key: Category.objects.get(locale=fr, slug=slug) for key, slug in slugs.items()}
    imported = {}
    for name in IMPORTED_CATEGORIES:
        # As import_merchants creates a category it does not know: French only.
        imported[name] = Category.objects.create(
            name=name, slug=f"import-{slugify(name)}", locale=fr
        )
    communes = {commune.insee_code: commune for commune in Commune.objects.all()}
    rows = [(*row[:2], categories[row[1]], *row[2:]) for row in MERCHANTS] + [
        (name, trade, imported[category], insee, services, hours, text)
        for name, trade, category, insee, services, hours, text in IMPORTED
    ]
    pages = []
    for number, (name, _trade, category, insee, services, hours, text) in enumerate(rows):
        commune = communes[insee]
        page = MerchantPage(
            title=name,
            external_id=f"relevance-{number:03d}",
            commune=commune,
            postcode=commune.postcode_list[0],
            description=text,
            opening_hours=HOURS[hours],
        )
        for code in services.split():
            setattr(page, f"offers_{SERVICE_CODES[code]}", True)
        page.categories = [category]
        pages.append(page)
    create_child_pages(index, pages)
    refresh_open_periods(pages)
    return home, pages
