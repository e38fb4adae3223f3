"""Demo interviews in the "3 questions posées à…" format; original texts."""

from .articles import when

INTERVIEWS = [
    {
        "slug": ("3-questions-a-sophie-marchand", "3-questions-for-sophie-marchand"),
        "title": (
            "3 questions posées à Sophie Marchand, responsable de l'économie de proximité",
            "3 questions for Sophie Marchand, head of local economy",
        ),
        "date": when(2020, 11, 10, 13, 48),
        "topics": ["soutien-aux-entreprises", "economie-locale", "transition-numerique"],
        "person": {
            "name": "Sophie Marchand",
            "role": (
                "Responsable du service économie de proximité",
                "Head of the local economy team",
            ),
            "organisation": ("Communauté d'agglomération", "Agglomeration community"),
        },
        "lead": (
            "Les commerces dits non essentiels ont de nouveau baissé le rideau. Comment "
            "l'agglomération les aide-t-elle à tenir ? Réponses de Sophie Marchand.",
            "Shops deemed non-essential have had to close again. How is the agglomeration "
            "helping them hold on? Sophie Marchand answers.",
        ),
        "qa": [
            (
                (
                    "Quelles aides ont été mises en place depuis le printemps ?",
                    "What support has been put in place since the spring?",
                ),
                (
                    "Nous avons versé 1,2 million d'euros d'aides directes à 340 entreprises "
                    "du territoire, en complément du fonds de solidarité de l'État [1]. Les "
                    "loyers des locaux dont l'agglomération est propriétaire ont été suspendus "
                    "pendant trois mois.",
                    "We have paid 1.2 million euros in direct grants to 340 local businesses, "
                    "on top of the State solidarity fund [1]. Rent on premises owned by the "
                    "agglomeration was suspended for three months.",
                ),
            ),
            (
                (
                    "Un fonds de modernisation vient d'être créé. À quoi servira-t-il ?",
                    "A modernisation fund has just been created. What is it for?",
                ),
                (
                    "Doté de 300 000 euros, il finance jusqu'à la moitié des travaux d'un "
                    "commerce, dans la limite de 5 000 euros : vitrine, accessibilité, "
                    "équipement pour vendre à emporter. La réouverture doit se préparer "
                    "maintenant.",
                    "With 300,000 euros, it pays for up to half of a shop's works, capped at "
                    "5,000 euros: shopfront, accessibility, equipment for takeaway sales. "
                    "Reopening has to be prepared now.",
                ),
            ),
            (
                (
                    "Comment continuer à vendre, boutique fermée ?",
                    "How can shops keep selling while closed?",
                ),
                (
                    "Le retrait de commandes reste autorisé. Nous aidons les commerçants à "
                    "proposer le cliquer-retirer, mais aussi l'appeler-retirer [2] : le client "
                    "téléphone, demande conseil, puis passe chercher sa commande à l'heure "
                    "convenue. Beaucoup de clients préfèrent cette relation directe.",
                    "Order pickup is still allowed. We help shopkeepers offer click and "
                    "collect, and also call and collect [2]: customers phone, ask for advice, "
                    "then come for their order at an agreed time. Many customers prefer that "
                    "direct contact.",
                ),
            ),
        ],
        "quote": (
            "Le téléphone reste le premier outil numérique des commerces de proximité.",
            "The telephone is still the first digital tool of a neighbourhood shop.",
        ),
        "footnotes": [
            (
                "Aide nationale versée aux petites entreprises touchées par les mesures "
                "sanitaires.",
                "National grant paid to small businesses affected by health measures.",
            ),
            (
                "En anglais, « call and collect » : commande passée par téléphone, retirée "
                "en magasin à un horaire convenu.",
                "Ordering by phone, then picking up in store at an agreed time.",
            ),
        ],
        "translated": True,
        "colours": ("#dfe9f3", "#4d6a5a", "#27587a"),
    },
    {
        "slug": ("3-questions-a-karim-benali", "3-questions-for-karim-benali"),
        "title": (
            "3 questions posées à Karim Benali, caviste à Tournon-sur-Rhône",
            "3 questions for Karim Benali",
        ),
        "date": when(2026, 3, 24, 10, 30),
        "topics": ["centres-villes", "economie-locale"],
        "person": {
            "name": "Karim Benali",
            "role": ("Caviste", "Wine merchant"),
            "organisation": ("La Cave du Quai (commerce fictif)", ""),
        },
        "lead": (
            "Installé depuis cinq ans en centre-ville, il a rénové sa boutique avec le fonds "
            "de modernisation.",
            "",
        ),
        "qa": [
            (
                ("Pourquoi avoir choisi le centre-ville ?", ""),
                (
                    "Parce que mes clients viennent à pied, à vélo, en sortant du marché. "
                    "Une cave, c'est d'abord de la conversation.",
                    "",
                ),
            ),
            (
                ("Qu'avez-vous changé dans la boutique ?", ""),
                (
                    "La vitrine, l'éclairage et une rampe d'accès. Les personnes en fauteuil "
                    "et les parents avec poussette entrent enfin sans aide [1].",
                    "",
                ),
            ),
            (
                ("Un conseil à un futur commerçant ?", ""),
                (
                    "Prendre rendez-vous avec le service économique avant de signer le bail : "
                    "on gagne des mois.",
                    "",
                ),
            ),
        ],
        "quote": ("Une cave, c'est d'abord de la conversation.", ""),
        "footnotes": [
            ("Travaux financés à 50 % par le fonds de modernisation des commerces.", ""),
        ],
        "translated": False,
        "colours": ("#f2e0e0", "#7a4a4a", "#3a5f78"),
    },
    {
        "slug": ("3-questions-a-lea-fontaine", "3-questions-for-lea-fontaine"),
        "title": (
            "3 questions posées à Léa Fontaine, conseillère numérique",
            "3 questions for Léa Fontaine",
        ),
        "date": when(2026, 6, 30, 15, 10),
        "topics": ["transition-numerique"],
        "person": {
            "name": "Léa Fontaine",
            "role": ("Conseillère numérique", "Digital adviser"),
            "organisation": ("Communauté d'agglomération", ""),
        },
        "lead": (
            "Elle accompagne chaque semaine des commerçants dans leurs premiers pas en ligne.",
            "",
        ),
        "qa": [
            (
                ("Par quoi commencer ?", ""),
                (
                    "Par une fiche exacte : horaires, téléphone, services proposés. C'est ce "
                    "que les habitants cherchent en premier.",
                    "",
                ),
            ),
            (
                ("Faut-il un site marchand ?", ""),
                (
                    "Pas forcément. Le retrait sur rendez-vous et l'appel avant retrait "
                    "suffisent souvent, sans commission à payer [1].",
                    "",
                ),
            ),
            (
                ("Combien de temps y consacrer ?", ""),
                ("Une heure par semaine, régulièrement, vaut mieux qu'un grand chantier.", ""),
            ),
        ],
        "quote": ("Une fiche exacte vaut mieux qu'un site abandonné.", ""),
        "footnotes": [
            (
                "Les plateformes de vente prélèvent en général une commission sur chaque "
                "commande.",
                "",
            ),
        ],
        "translated": False,
        "colours": ("#e3eef7", "#46705f", "#245a7c"),
    },
]
