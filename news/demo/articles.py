"""Demo news items: original texts written for this site (French, some with English)."""

import datetime
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def when(year, month, day, hour, minute):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


# Each item: slug pair, title pair, date, topics (French slugs), lead pair, paragraphs
# (list of pairs), translated (publish an English version), image colours.
NEWS = [
    {
        "slug": ("un-marche-de-noel-sur-les-deux-rives", "a-christmas-market-on-both-banks"),
        "title": ("Un marché de Noël sur les deux rives", "A Christmas market on both banks"),
        "date": when(2025, 11, 18, 9, 30),
        "topics": ["evenements", "centres-villes"],
        "lead": (
            "Pendant trois week-ends de décembre, les commerçants de Tain-l'Hermitage et de "
            "Tournon-sur-Rhône installent leurs chalets de part et d'autre de la passerelle.",
            "For three December weekends, shopkeepers from Tain-l'Hermitage and "
            "Tournon-sur-Rhône set up their stalls on either side of the footbridge.",
        ),
        "paragraphs": [
            (
                "Une quarantaine d'exposants sont attendus : artisans, producteurs, "
                "restaurateurs et associations. Les navettes gratuites relient les deux "
                "places toutes les vingt minutes.",
                "Around forty stallholders are expected: craftspeople, growers, restaurants "
                "and local groups. Free shuttles link the two squares every twenty minutes.",
            ),
            (
                "Les commerces des centres-villes restent ouverts le dimanche après-midi "
                "pendant toute la durée du marché.",
                "Town-centre shops stay open on Sunday afternoons for as long as the market runs.",
            ),
        ],
        "translated": True,
        "colours": ("#d9e6f2", "#5b6f47", "#2c5d7a"),
    },
    {
        "slug": (
            "le-fonds-de-modernisation-des-commerces-reconduit",
            "shop-modernisation-fund-renewed",
        ),
        "title": (
            "Le fonds de modernisation des commerces reconduit",
            "The shop modernisation fund is renewed",
        ),
        "date": when(2026, 1, 14, 11, 0),
        "topics": ["soutien-aux-entreprises", "economie-locale"],
        "lead": (
            "Le conseil communautaire a voté la reconduction de l'aide aux travaux des "
            "commerces de proximité pour l'année 2026.",
            "The community council has voted to renew the grant for neighbourhood shop "
            "improvements for 2026.",
        ),
        "paragraphs": [
            (
                "L'aide couvre une partie des dépenses de vitrine, d'enseigne, de mise en "
                "accessibilité et d'économies d'énergie. Elle est cumulable avec les aides "
                "de la région.",
                "The grant covers part of the cost of shopfronts, signs, accessibility work "
                "and energy savings. It can be combined with regional grants.",
            ),
            (
                "Les dossiers se déposent auprès du service développement économique avant "
                "le début des travaux.",
                "Applications go to the economic development team before work begins.",
            ),
        ],
        "translated": True,
        "colours": ("#f3e3c3", "#7b6a3c", "#3b6d8a"),
    },
    {
        "slug": ("ateliers-numeriques-pour-les-commercants", "digital-workshops-for-shopkeepers"),
        "title": (
            "Des ateliers numériques pour les commerçants",
            "Digital workshops for shopkeepers",
        ),
        "date": when(2026, 2, 3, 8, 45),
        "topics": ["transition-numerique", "soutien-aux-entreprises"],
        "lead": (
            "Photos de produits, fiche dans l'annuaire, réservation de créneaux de retrait : "
            "un nouveau cycle d'ateliers démarre en mars.",
            "Product photos, a directory listing, pickup slot booking: a new series of "
            "workshops starts in March.",
        ),
        "paragraphs": [
            (
                "Chaque atelier réunit six commerçants pendant deux heures, le lundi matin, "
                "jour de fermeture de nombreuses boutiques.",
                "Each workshop brings six shopkeepers together for two hours on Monday "
                "morning, when many shops are closed.",
            ),
            (
                "Les participants repartent avec une fiche à jour et un plan d'action simple.",
                "Participants leave with an up-to-date listing and a simple action plan.",
            ),
        ],
        "translated": True,
        "colours": ("#e4f0e8", "#3f7054", "#2b5f7e"),
    },
    {
        "slug": ("une-boutique-a-lessai-rue-des-remparts", "trial-shop"),
        "title": ("Une boutique à l'essai rue des Remparts", "A trial shop"),
        "date": when(2025, 9, 22, 10, 15),
        "topics": ["centres-villes"],
        "lead": (
            "Un local rénové est proposé à loyer réduit pendant un an à un porteur de "
            "projet qui souhaite tester son commerce.",
            "",
        ),
        "paragraphs": [
            (
                "Le local de 45 m² est situé entre la boulangerie et la pharmacie. Le jury "
                "retiendra un projet qui complète l'offre de la rue.",
                "",
            ),
        ],
        "translated": False,
        "colours": ("#efe1d1", "#8a5a3c", "#44657a"),
    },
    {
        "slug": ("les-chiffres-du-commerce-local-en-2025", "local-trade-in-figures"),
        "title": ("Les chiffres du commerce local en 2025", "Local trade in figures"),
        "date": when(2026, 3, 10, 14, 20),
        "topics": ["economie-locale"],
        "lead": (
            "L'observatoire du commerce publie son bilan annuel : davantage d'ouvertures "
            "que de fermetures dans les centres-villes.",
            "",
        ),
        "paragraphs": [
            (
                "Les métiers de bouche et les services à la personne portent la progression. "
                "La vacance commerciale recule dans la plupart des bourgs.",
                "",
            ),
        ],
        "translated": False,
        "colours": ("#dde3f0", "#4e5f7a", "#22506e"),
    },
    {
        "slug": ("fete-des-savoir-faire-au-printemps", "spring-crafts-festival"),
        "title": ("La fête des savoir-faire revient au printemps", "Spring crafts festival"),
        "date": when(2026, 4, 2, 16, 5),
        "topics": ["evenements"],
        "lead": (
            "Démonstrations, portes ouvertes d'ateliers et circuit à vélo entre les "
            "villages : le programme est en ligne.",
            "",
        ),
        "paragraphs": [
            (
                "Ébénistes, céramistes, chocolatiers et vignerons ouvrent leurs portes le "
                "temps d'un week-end. L'entrée est libre partout.",
                "",
            ),
        ],
        "translated": False,
        "colours": ("#f5e6f0", "#6d4f6a", "#35607d"),
    },
    {
        "slug": ("cliquer-retirer-un-service-qui-sinstalle", "click-and-collect-settles-in"),
        "title": ("Le « cliquer-retirer » s'installe durablement", "Click and collect settles in"),
        "date": when(2026, 5, 19, 9, 0),
        "topics": ["transition-numerique", "economie-locale"],
        "lead": (
            "Un commerce sur trois de l'annuaire propose désormais de commander à l'avance "
            "et de retirer en boutique.",
            "",
        ),
        "paragraphs": [
            (
                "Les clients apprécient de ne pas attendre, les commerçants de mieux prévoir "
                "leurs stocks. Le rappel téléphonique avant retrait séduit aussi les "
                "personnes moins à l'aise avec les écrans.",
                "",
            ),
        ],
        "translated": False,
        "colours": ("#e0eef0", "#4c7a73", "#1f5b73"),
    },
    {
        "slug": ("nouvelles-places-de-stationnement-minute", "short-stay-parking"),
        "title": ("De nouvelles places de stationnement minute", "Short-stay parking"),
        "date": when(2026, 6, 8, 7, 50),
        "topics": ["centres-villes"],
        "lead": (
            "Vingt places limitées à quinze minutes facilitent les courses rapides près "
            "des commerces.",
            "",
        ),
        "paragraphs": [
            (
                "Les emplacements sont signalés par un marquage vert. Ils sont répartis "
                "dans les rues les plus commerçantes des deux rives.",
                "",
            ),
        ],
        "translated": False,
        "colours": ("#e8ecef", "#5d6b5a", "#30596f"),
    },
]
