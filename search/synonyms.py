"""What residents call the directory's services.

Service codes (``merchants.choices.Service``) are not words of a page's text, so the
commerce vocabulary (``search.vocabulary``), which works on words, cannot give them
their names: these are indexed with each page offering the service, in both
languages ("click and collect" finds a shop whose service is labelled "Commande en
ligne, retrait en boutique").
"""

SERVICE_WORDS = {
    "click_collect": "click and collect click collect commande en ligne retrait boutique "
    "order online",
    # Not "téléphone": whoever types it looks for a phone shop, not every shop that
    # takes orders by phone.
    "call_collect": "call and collect appeler et retirer conseil rappel retrait",
    "delivery": "livraison a domicile delivery",
    "pickup_appointment": "retrait sur rendez-vous pickup appointment",
    "takeaway": "a emporter vente a emporter takeaway take away",
}
