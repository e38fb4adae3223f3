"""The demo's "Soutien aux entreprises" page, in French with its English text."""

from home.models import StandardPage

from .building import child_page, items, link, stream
from .images import demo_document, demo_image


def support_page(g, home):
    def build():
        guide = demo_document(
            "Guide des aides aux commerces 2026",
            [
                "Guide des aides aux commerces de l'agglomération",
                "",
                "1. Aide à la modernisation des vitrines et des locaux",
                "2. Accompagnement à la vente en ligne et au retrait en magasin",
                "3. Ateliers collectifs et rendez-vous individuels",
                "4. Actions de revitalisation des centres-villes",
                "",
                "Renseignements : service développement économique.",
            ],
        )
        return StandardPage(
            title=g.t("Soutien aux entreprises", "Business support"),
            show_in_menus=True,
            listing_summary=g.t(
                "Aides, conseils et ateliers pour les commerçants, artisans et restaurateurs.",
                "Grants, advice and workshops for shopkeepers, craftspeople and restaurants.",
            ),
            intro=g.t(
                "L'agglomération accompagne les commerces de proximité à chaque étape : "
                "ouvrir, se moderniser, vendre en ligne, traverser une période difficile.",
                "The agglomeration supports neighbourhood businesses at every stage: "
                "opening, modernising, selling online, getting through a hard time.",
            ),
            body=stream(
                [
                    (
                        "heading",
                        {"text": g.t("Passer au numérique", "Going digital"), "level": "h2"},
                    ),
                    (
                        "paragraph",
                        g.rich(
                            (
                                "Un conseiller numérique reçoit les commerçants sur rendez-vous "
                                "pour faire le point sur leur présence en ligne : fiche dans "
                                "l'annuaire du site, réseaux sociaux, retrait de commandes.",
                                "A digital adviser meets shopkeepers by appointment to review "
                                "their online presence: listing in the site's directory, social "
                                "networks, order pickup.",
                            ),
                            [
                                ("Diagnostic gratuit d'une heure", "A free one-hour review"),
                                (
                                    "Ateliers en petit groupe chaque mois",
                                    "Small-group workshops every month",
                                ),
                                (
                                    "Aide à la mise en place du « cliquer-retirer »",
                                    "Help setting up click and collect",
                                ),
                            ],
                        ),
                    ),
                    (
                        "image",
                        {
                            "image": demo_image(
                                "Rue commerçante au petit matin",
                                sky="#f2c7a5",
                                hills="#7a5c3a",
                                river="#40657a",
                            ).pk,
                            "alt_text": g.t(
                                "Illustration : collines et fleuve au lever du soleil.",
                                "Illustration: hills and river at sunrise.",
                            ),
                            "caption": g.t(
                                "Les centres-villes des deux rives, cœur de notre économie.",
                                "The town centres on both banks, the heart of our economy.",
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": g.t("Moderniser son commerce", "Modernising a shop"),
                            "level": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        g.rich(
                            (
                                "Le fonds de modernisation prend en charge une partie des travaux "
                                "de vitrine, d'accessibilité et d'économies d'énergie. Le dossier "
                                "se dépose avant le début des travaux.",
                                "The modernisation fund covers part of the cost of shopfront, "
                                "accessibility and energy-saving works. Apply before the works "
                                "start.",
                            ),
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": g.t(
                                "Grâce à l'atelier, nos clients réservent maintenant leur pain "
                                "la veille et passent le chercher en rentrant du travail.",
                                "Thanks to the workshop, our customers now order their bread "
                                "the day before and pick it up on their way home from work.",
                            ),
                            "attribution": g.t(
                                "Une boulangère du territoire", "A baker from the area"
                            ),
                        },
                    ),
                    (
                        "accordion",
                        {
                            "title": g.t("Questions fréquentes", "Frequently asked questions"),
                            "items": items(
                                [
                                    {
                                        "question": g.t(
                                            "Qui peut bénéficier de ces aides ?",
                                            "Who can receive this support?",
                                        ),
                                        "answer": g.rich(
                                            (
                                                "Les commerces, artisans et restaurants installés "
                                                "dans l'une des communes de l'agglomération, avec "
                                                "une vitrine ouverte au public.",
                                                "Shops, craftspeople and restaurants based in one "
                                                "of the agglomeration's towns, with premises open "
                                                "to the public.",
                                            ),
                                        ),
                                    },
                                    {
                                        "question": g.t(
                                            "Combien de temps prend l'instruction d'un dossier ?",
                                            "How long does it take to process an application?",
                                        ),
                                        "answer": g.rich(
                                            (
                                                "Comptez environ six semaines entre le dépôt d'un "
                                                "dossier complet et la décision.",
                                                "Allow about six weeks between a complete "
                                                "application and the decision.",
                                            ),
                                        ),
                                    },
                                ]
                            ),
                        },
                    ),
                    (
                        "documents",
                        {
                            "title": g.t("À télécharger", "Downloads"),
                            "documents": items([guide.pk]),
                        },
                    ),
                    (
                        "call_to_action",
                        {
                            "title": g.t(
                                "Un projet pour votre commerce ?", "A plan for your shop?"
                            ),
                            "text": g.t(
                                "Le service développement économique vous répond sous deux jours "
                                "ouvrés.",
                                "The economic development team answers within two working days.",
                            ),
                            "button_label": g.t("Nous contacter", "Contact us"),
                            "link": link(home.get_children().filter(slug="contact").first()),
                        },
                    ),
                ]
            ),
        )

    return child_page(home, g.t("soutien-aux-entreprises", "business-support"), build)
