"""Demo topics: (slug, name) in French and English."""

TOPICS = [
    (("economie-locale", "Économie locale"), ("local-economy", "Local economy")),
    (
        ("soutien-aux-entreprises", "Soutien aux entreprises"),
        ("business-support", "Business support"),
    ),
    (("centres-villes", "Centres-villes"), ("town-centres", "Town centres")),
    (
        ("transition-numerique", "Transition numérique"),
        ("digital-transition", "Digital transition"),
    ),
    (("evenements", "Événements"), ("events", "Events")),
]
