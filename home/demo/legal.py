"""The demo's contact page and legal notices (mentions légales, accessibilité)."""

from home.models import StandardPage

from .accessibility import accessibility_statement
from .building import child_page, stream


def contact_page(g, home):
    def build():
        return StandardPage(
            title=g.t("Contact", "Contact"),
            show_in_menus=True,
            intro=g.t(
                "Une question sur l'annuaire, une aide ou un événement ? Écrivez-nous ou "
                "appelez-nous du lundi au vendredi.",
                "A question about the directory, a grant or an event? Write or call us "
                "Monday to Friday.",
            ),
            body=stream(
                [
                    (
                        "heading",
                        {
                            "text": g.t(
                                "Service développement économique", "Economic development team"
                            ),
                            "level": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        g.rich(
                            (
                                "Accueil téléphonique de 9 h à 12 h et de 14 h à 17 h. Les "
                                "rendez-vous ont lieu au siège de l'agglomération ou dans votre "
                                "commerce.",
                                "Phone lines are open 9 am to noon and 2 pm to 5 pm. Meetings "
                                "take place at the agglomeration's offices or in your shop.",
                            ),
                        ),
                    ),
                ]
            ),
        )

    return child_page(home, g.t("contact", "contact"), build)


def legal_pages(g, home):
    def build_notice():
        return StandardPage(
            title=g.t("Mentions légales", "Legal notice"),
            intro=g.t(
                "Informations sur l'éditeur du site et le traitement des données.",
                "Information about the site's publisher and how data is handled.",
            ),
            body=stream(
                [
                    ("heading", {"text": g.t("Éditeur", "Publisher"), "level": "h2"}),
                    (
                        "paragraph",
                        g.rich(
                            (
                                "Ce site de démonstration est publié par la communauté "
                                "d'agglomération. Directeur de la publication : le président "
                                "de l'agglomération.",
                                "This demonstration site is published by the agglomeration "
                                "community. Publication director: the agglomeration's president.",
                            ),
                        ),
                    ),
                    (
                        "heading",
                        {"text": g.t("Données personnelles", "Personal data"), "level": "h2"},
                    ),
                    (
                        "paragraph",
                        g.rich(
                            (
                                "Les informations saisies dans les formulaires servent uniquement "
                                "à répondre à votre demande. Vous pouvez demander leur "
                                "suppression à tout moment en nous écrivant.",
                                "Information entered in forms is used only to answer your "
                                "request. You may ask for it to be deleted at any time by writing "
                                "to us.",
                            ),
                        ),
                    ),
                ]
            ),
        )

    def build_accessibility():
        return accessibility_statement(g)

    notice, _ = child_page(home, g.t("mentions-legales", "legal-notice"), build_notice)
    accessibility, _ = child_page(home, g.t("accessibilite", "accessibility"), build_accessibility)
    return notice, accessibility
