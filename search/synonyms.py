"""Words residents use for what the directory names otherwise.

Indexed with a merchant (never added to queries), in the "keywords" part of its search
document: a cheese shop's category is "Fromagerie", but people type "fromages"; a
click-and-collect service is labelled "Commande en ligne, retrait en boutique", but
people type "click and collect". Keys are category names as ``analysis.fold`` writes
them, in either language; an unknown category simply has no synonyms.
"""

CATEGORY_WORDS = {
    # Food shops
    "boulangerie-patisserie": "boulanger pain baguette viennoiseries gateaux patissier",
    "bakery": "bread baker pastries cakes",
    "boucherie-charcuterie": "boucher viande charcutier volaille",
    "butcher": "meat butchery sausages",
    "fromagerie": "fromage fromager cremerie",
    "cheese shop": "cheese cheesemonger",
    "epicerie bio": "biologique vrac epicier produits bio",
    "organic grocery": "organic bulk grocer",
    "epicerie fine": "epicier produits fins",
    "delicatessen": "deli fine food grocer",
    "primeur": "fruits legumes marchand de fruits",
    "greengrocer": "fruit vegetables",
    "caviste": "vin vins cave bieres spiritueux",
    "wine shop": "wine wines cellar beer",
    "chocolaterie": "chocolat chocolatier confiserie",
    "chocolate maker": "chocolate chocolatier sweets",
    # Eating out
    "restaurant": "restauration repas cuisine table",
    "cafe, bar": "cafe bar bistrot brasserie",
    "cafe and bar": "coffee bar pub",
    "pizzeria": "pizza pizzas",
    "traiteur": "plats cuisines buffet receptions",
    "caterer": "catering ready meals",
    # Shops
    "fleuriste": "fleurs bouquets plantes",
    "florist": "flowers bouquets plants",
    "librairie": "livres libraire bandes dessinees",
    "bookshop": "books bookseller",
    "quincaillerie": "bricolage outils droguerie",
    "hardware shop": "tools diy hardware",
    "vetements": "mode habillement pret-a-porter boutique",
    "clothing": "fashion clothes",
    "decoration et cadeaux": "deco cadeau objets maison",
    "home and gifts": "gifts home decoration",
    # Services
    "coiffure": "coiffeur coiffeuse salon de coiffure",
    "hairdresser": "hair salon barber",
    "reparation de velos": "velo cycles bicyclette atelier reparateur",
    "bike repair": "bike bicycle cycle repair",
    "cordonnerie": "cordonnier chaussures cles",
    "shoe repair": "cobbler shoes keys",
    "institut de beaute": "esthetique estheticienne soins",
    "beauty salon": "beauty care",
}

# Service codes (``merchants.choices.Service``) → what people call them, both languages.
SERVICE_WORDS = {
    "click_collect": "click and collect click collect commande en ligne retrait boutique "
    "order online",
    "call_collect": "call and collect appeler et retirer commande par telephone conseil "
    "rappel retrait phone order",
    "delivery": "livraison a domicile delivery",
    "pickup_appointment": "retrait sur rendez-vous pickup appointment",
    "takeaway": "a emporter vente a emporter takeaway take away",
}
