"""The demo's accessibility statement (déclaration d'accessibilité), in the order the
RGAA sets out: commitment, conformity level, test results, what is not accessible,
how the statement was made, feedback and recourse.

The level stays "non conforme" until a full RGAA audit measures the share of criteria
met: automated tools and keyboard checks are not an audit, and the RGAA gives a site
with no audit this level. Written for this demo; update the date and the lists when the
checks change (tests/home/test_accessibility_statement.py holds it to its footer link).
"""

from home.models import StandardPage

from .building import stream

STATEMENT_DATE = ("1er décembre 2026", "1 December 2026")


def _heading(g, french, english):
    return ("heading", {"text": g.t(french, english), "level": "h2"})


def _text(g, *items):
    return ("paragraph", g.rich(*items))


def accessibility_statement(g):
    """A StandardPage (not saved) holding the statement in French, English registered."""
    date_fr, date_en = STATEMENT_DATE
    return StandardPage(
        title=g.t("Déclaration d'accessibilité", "Accessibility statement"),
        intro=g.t(
            "L'agglomération s'engage à rendre ce site accessible à toutes et à tous, comme "
            "le demande l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette "
            "déclaration s'applique au site Agglo Rhône Commerces.",
            "The agglomeration is committed to making this site accessible to everyone, as "
            "article 47 of French law no. 2005-102 of 11 February 2005 requires. This "
            "statement applies to the Agglo Rhône Commerces website.",
        ),
        body=stream(
            [
                _heading(g, "État de conformité", "Compliance status"),
                _text(
                    g,
                    (
                        "Le site Agglo Rhône Commerces est non conforme au référentiel "
                        "général d'amélioration de l'accessibilité (RGAA), version 4.1.2 : "
                        "aucun audit complet n'a encore mesuré la part des critères respectés, "
                        "et des défauts sont connus (voir plus bas).",
                        "The Agglo Rhône Commerces website does not comply with the French "
                        "accessibility framework (RGAA), version 4.1.2: no full audit has yet "
                        "measured the share of criteria met, and some defects are known (see "
                        "below).",
                    ),
                ),
                _heading(g, "Résultats des tests", "Test results"),
                _text(
                    g,
                    (
                        "Chaque modèle de page est vérifié à chaque évolution du site par des "
                        "outils automatiques et au clavier. Ces vérifications ne remplacent pas "
                        "un audit : elles ne donnent pas de taux de conformité.",
                        "Every page template is checked with automated tools and with a "
                        "keyboard each time the site changes. These checks are not an audit: "
                        "they give no compliance rate.",
                    ),
                ),
                _heading(g, "Contenus non accessibles", "Content that is not accessible"),
                _text(
                    g,
                    (
                        "Non-conformités connues :",
                        "Known non-compliance:",
                    ),
                    [
                        (
                            "sur la carte des commerces, certaines commandes et certains "
                            "marqueurs sont plus petits que 24 × 24 pixels et peuvent se "
                            "chevaucher ; la liste affichée sous la carte présente les mêmes "
                            "commerces ;",
                            "on the shop map, some controls and markers are smaller than "
                            "24 × 24 pixels and may overlap; the list shown below the map "
                            "presents the same shops;",
                        ),
                        (
                            "l'assistant de saisie du champ de recherche donne à ce champ un "
                            "rôle que le langage HTML n'autorise pas pour un champ de "
                            "recherche ;",
                            "the search field's suggestions give the field a role that HTML "
                            "does not allow on a search field;",
                        ),
                        (
                            "sur les fiches des commerces qui proposent le retrait sur "
                            "rendez-vous, la liste des créneaux est très longue sur un "
                            "téléphone et précède l'adresse et les horaires ;",
                            "on the pages of shops that offer pickup appointments, the list of "
                            "time slots is very long on a phone and comes before the address "
                            "and opening hours;",
                        ),
                        (
                            "la plupart des fiches des commerces ne sont rédigées qu'en "
                            "français, y compris sur le site en anglais.",
                            "most shop pages are written in French only, including on the "
                            "English site.",
                        ),
                    ],
                ),
                _heading(
                    g,
                    "Dérogations pour charge disproportionnée",
                    "Exemptions for disproportionate burden",
                ),
                _text(
                    g,
                    (
                        "Aucune dérogation n'est demandée.",
                        "No exemption is claimed.",
                    ),
                ),
                _heading(
                    g,
                    "Contenus non soumis à l'obligation d'accessibilité",
                    "Content not subject to the accessibility requirement",
                ),
                _text(
                    g,
                    (
                        "Les fonds de carte viennent d'OpenStreetMap, un service tiers. Les "
                        "informations essentielles de la carte (nom, adresse, commune, "
                        "horaires de chaque commerce) sont aussi données dans la liste des "
                        "commerces et sur leurs fiches.",
                        "Map tiles come from OpenStreetMap, a third-party service. The map's "
                        "essential information (each shop's name, address, town and opening "
                        "hours) is also given in the shop list and on each shop's page.",
                    ),
                ),
                _heading(g, "Établissement de cette déclaration", "How this statement was made"),
                _text(
                    g,
                    (
                        f"Cette déclaration a été établie le {date_fr}.",
                        f"This statement was made on {date_en}.",
                    ),
                    (
                        "Technologies sur lesquelles repose le site : HTML5, CSS, JavaScript, "
                        "WAI-ARIA.",
                        "Technologies the site relies on: HTML5, CSS, JavaScript, WAI-ARIA.",
                    ),
                    (
                        "Outils et méthode utilisés pour les vérifications :",
                        "Tools and method used for the checks:",
                    ),
                    [
                        (
                            "axe-core et pa11y (avec HTML_CodeSniffer), niveau WCAG 2.1 AA ;",
                            "axe-core and pa11y (with HTML_CodeSniffer), WCAG 2.1 level AA;",
                        ),
                        (
                            "Nu Html Checker (validateur du W3C) sur le code servi ;",
                            "the Nu Html Checker (the W3C validator) on the served code;",
                        ),
                        (
                            "Lighthouse, catégorie accessibilité, en présentation mobile et "
                            "ordinateur ;",
                            "Lighthouse, accessibility category, in mobile and desktop presets;",
                        ),
                        (
                            "parcours au clavier seul dans Chromium, à 375 et 1 280 pixels de "
                            "large ; aucun lecteur d'écran n'a encore été utilisé.",
                            "keyboard-only journeys in Chromium, 375 and 1,280 pixels wide; no "
                            "screen reader has been used yet.",
                        ),
                    ],
                    (
                        "Pages vérifiées : l'accueil, l'annuaire et sa carte, une fiche de "
                        "commerce, une actualité, une interview, la recherche, le formulaire "
                        "« Référencer mon commerce » et l'espace commerçant.",
                        "Pages checked: the home page, the directory and its map, a shop page, "
                        "a news article, an interview, search, the “List my shop” form and "
                        "the merchant area.",
                    ),
                ),
                _heading(g, "Retour d'information et contact", "Feedback and contact"),
                _text(
                    g,
                    (
                        "Si vous ne parvenez pas à accéder à un contenu ou à un service, "
                        "écrivez-nous à commerces@agglo.example ou appelez le 04 75 00 00 00 "
                        "(du lundi au vendredi) : nous vous le ferons parvenir sous une autre "
                        "forme et corrigerons le défaut.",
                        "If you cannot reach some content or service, write to "
                        "commerces@agglo.example or call +33 4 75 00 00 00 (Monday to Friday): "
                        "we will send it to you in another form and fix the defect.",
                    ),
                    (
                        "Par courrier : service développement économique, 1 place de l'Hôtel "
                        "de Ville, 26600 Tain-l'Hermitage.",
                        "By post: economic development team, 1 place de l'Hôtel de Ville, "
                        "26600 Tain-l'Hermitage, France.",
                    ),
                ),
                _heading(g, "Voies de recours", "Recourse"),
                _text(
                    g,
                    (
                        "Si vous nous avez signalé un défaut d'accessibilité et que notre "
                        "réponse ne vous permet pas d'accéder au contenu ou au service, vous "
                        "pouvez saisir le Défenseur des droits :",
                        "If you have reported an accessibility defect to us and our answer "
                        "does not give you access to the content or service, you may refer "
                        "the matter to the Défenseur des droits (the French rights defender):",
                    ),
                    [
                        (
                            "par le formulaire en ligne du site defenseurdesdroits.fr ;",
                            "through the online form on defenseurdesdroits.fr;",
                        ),
                        (
                            "auprès d'une ou d'un délégué du Défenseur des droits près de chez "
                            "vous ;",
                            "through a local delegate of the Défenseur des droits;",
                        ),
                        (
                            "par courrier gratuit, sans timbre : Défenseur des droits, Libre "
                            "réponse 71120, 75342 Paris CEDEX 07.",
                            "by free post, no stamp needed: Défenseur des droits, Libre réponse "
                            "71120, 75342 Paris CEDEX 07, France.",
                        ),
                    ],
                ),
            ]
        ),
    )
