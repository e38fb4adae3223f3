"""The demo's site tree: home page, business support, contact and legal pages, in French
and English. All texts are original, written for this demo."""

import json
import uuid

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from home.models import FooterContent, HomePage, SiteSettings, StandardPage

from .images import demo_document, demo_image
from .localize import Glossary, translate


def _stream(blocks):
    """StreamField raw data from ``(block type, raw value)`` pairs (ids, not objects)."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _items(values):
    """ListBlock raw data in Wagtail's current format: each item carries its own id,
    which wagtail-localize needs to match translated items to their source."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def _link(page=None, url=""):
    return {"page": page.pk if page else None, "url": url}


def child_page(parent, slug, build):
    """The child page with this slug, created and published if it is missing.

    ``build`` always runs, even for an existing page, so that its texts are registered
    in the glossary for a missing translation.
    """
    page = build()
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page.slug = slug
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _home(g, locale):
    home = HomePage(
        title=g.t("Accueil", "Home"),
        slug=g.t("accueil", "home"),
        locale=locale,
        hero_title=g.t(
            "Commerces et savoir-faire des deux rives du Rhône",
            "Shops and craftsmanship on both banks of the Rhône",
        ),
        hero_text=g.t(
            "Trouvez un commerçant près de chez vous, suivez l'actualité économique du "
            "territoire et découvrez comment l'agglomération accompagne celles et ceux qui "
            "font vivre nos centres-villes.",
            "Find a shop near you, follow the area's business news and see how the "
            "agglomeration supports the people who keep our town centres alive.",
        ),
        hero_image=demo_image("Vallée du Rhône au printemps"),
        hero_image_alt="",
        listing_summary=g.t(
            "Le site des commerces et de l'économie locale de l'agglomération.",
            "The agglomeration's website for local shops and the local economy.",
        ),
    )
    existing = HomePage.objects.filter(locale=locale).first()
    if existing is not None:
        return existing, False
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    # Wagtail's first migration points the default site at a placeholder page: replace it.
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    # The address `make run` serves, so that canonical and shared links work locally.
    site.hostname, site.port = "127.0.0.1", 8000
    placeholder = site.root_page if site.pk else None
    site.root_page = home
    site.site_name = "Agglo Rhône Commerces"
    site.save()
    if placeholder is not None and placeholder.specific_class is Page:
        placeholder.delete()
    return home, True


def _support_page(g, home):
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
            body=_stream(
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
                            "items": _items(
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
                            "documents": _items([guide.pk]),
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
                            "link": _link(home.get_children().filter(slug="contact").first()),
                        },
                    ),
                ]
            ),
        )

    return child_page(home, g.t("soutien-aux-entreprises", "business-support"), build)


def _contact_page(g, home):
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
            body=_stream(
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


def _legal_pages(g, home):
    def build_notice():
        return StandardPage(
            title=g.t("Mentions légales", "Legal notice"),
            intro=g.t(
                "Informations sur l'éditeur du site et le traitement des données.",
                "Information about the site's publisher and how data is handled.",
            ),
            body=_stream(
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
        return StandardPage(
            title=g.t("Déclaration d'accessibilité", "Accessibility statement"),
            intro=g.t(
                "L'agglomération s'engage à rendre ce site accessible à toutes et à tous.",
                "The agglomeration is committed to making this site accessible to everyone.",
            ),
            body=_stream(
                [
                    (
                        "heading",
                        {"text": g.t("État de conformité", "Compliance status"), "level": "h2"},
                    ),
                    (
                        "paragraph",
                        g.rich(
                            (
                                "Le site n'a pas encore fait l'objet d'un audit complet. Chaque "
                                "modèle de page est vérifié automatiquement à chaque évolution "
                                "et testé au clavier.",
                                "The site has not yet had a full audit. Every page template is "
                                "checked automatically at each change and tested with a keyboard.",
                            ),
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": g.t("Nous signaler un problème", "Report a problem"),
                            "level": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        g.rich(
                            (
                                "Si un contenu vous est inaccessible, écrivez-nous : nous vous "
                                "le transmettrons sous une autre forme.",
                                "If some content is not accessible to you, write to us and we "
                                "will send it to you in another form.",
                            ),
                        ),
                    ),
                ]
            ),
        )

    notice, _ = child_page(home, g.t("mentions-legales", "legal-notice"), build_notice)
    accessibility, _ = child_page(home, g.t("accessibilite", "accessibility"), build_accessibility)
    return notice, accessibility


def _home_sections(g, home, support, contact):
    """Fill the home page's sections once the pages they point to exist."""
    hero_link_label = g.t("Découvrir les aides", "See how we can help")
    intro = g.rich(
        (
            "Quarante communes, deux départements, un fleuve : l'agglomération soutient "
            "les commerces de proximité qui font la vie de nos bourgs et de nos villes.",
            "Forty towns and villages, two départements, one river: the agglomeration "
            "supports the local shops that bring our towns to life.",
        ),
    )
    body = _stream(
        [
            (
                "news_highlights",
                {"title": g.t("À la une", "Latest news"), "pinned": None, "count": 3},
            ),
            (
                "cards",
                {
                    "title": g.t("Ce que nous faisons pour vous", "What we do for you"),
                    "intro": g.t(
                        "Des services gratuits pour les commerçants et artisans du territoire.",
                        "Free services for the area's shopkeepers and craftspeople.",
                    ),
                    "cards": _items(
                        [
                            {
                                "title": g.t("Transition numérique", "Going digital"),
                                "text": g.t(
                                    "Un conseiller vous aide à vendre en ligne et à proposer le "
                                    "retrait en magasin.",
                                    "An adviser helps you sell online and offer in-store pickup.",
                                ),
                                "link": _link(support),
                            },
                            {
                                "title": g.t("Modernisation des commerces", "Shop modernisation"),
                                "text": g.t(
                                    "Une aide aux travaux de vitrine, d'accessibilité "
                                    "et d'énergie.",
                                    "A grant towards shopfront, accessibility and energy works.",
                                ),
                                "link": _link(support),
                            },
                            {
                                "title": g.t("Centres-villes vivants", "Lively town centres"),
                                "text": g.t(
                                    "Animations, boutiques à l'essai et lutte contre la vacance "
                                    "commerciale.",
                                    "Events, trial shops and action against empty shopfronts.",
                                ),
                                "link": _link(contact),
                            },
                        ]
                    ),
                },
            ),
            (
                "highlight",
                {
                    "title": g.t("Un conseil, un rendez-vous", "Advice and appointments"),
                    "text": g.t(
                        "Vous créez ou reprenez un commerce ? Le service développement "
                        "économique vous reçoit et vous oriente vers les bons partenaires.",
                        "Opening or taking over a shop? The economic development team will meet "
                        "you and point you to the right partners.",
                    ),
                    "image": demo_image(
                        "Coteaux et fleuve en fin de journée",
                        sky="#c9b8e0",
                        hills="#5d6b3a",
                        river="#1f5673",
                    ).pk,
                    "alt_text": g.t(
                        "Illustration : coteaux et fleuve en fin de journée.",
                        "Illustration: hillsides and river at the end of the day.",
                    ),
                    "button_label": g.t("Prendre contact", "Get in touch"),
                    "link": _link(contact),
                },
            ),
        ]
    )
    if home.body:
        return
    home.hero_link = support
    home.hero_link_label = hero_link_label
    home.intro = intro
    home.body = body
    home.save_revision().publish()


def _settings_and_footer(g, home, fr, notice, accessibility, contact):
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.address:
        site_settings.organisation_name = "Agglo Rhône Commerces"
        site_settings.address = "1 place de l'Hôtel de Ville\n26600 Tain-l'Hermitage"
        site_settings.phone = "04 75 00 00 00"
        site_settings.email = "commerces@agglo.example"
        site_settings.save()
    text = g.t(
        "Site de démonstration de l'agglomération au service du commerce local.",
        "The agglomeration's demonstration site, working for local shops.",
    )
    links = _stream(
        [
            ("link", {**_link(notice), "label": g.t("Mentions légales", "Legal notice")}),
            (
                "link",
                {
                    **_link(accessibility),
                    "label": g.t(
                        "Accessibilité : non conforme (audit à venir)",
                        "Accessibility: not compliant (audit to come)",
                    ),
                },
            ),
            ("link", {**_link(contact), "label": g.t("Contact", "Contact")}),
        ]
    )
    footer = FooterContent.objects.filter(locale=fr).first()
    if footer is None:
        footer = FooterContent.objects.create(locale=fr, text=text, links=links)
    return footer


@transaction.atomic
def load(stdout):
    """Build the French site tree and its English translation; do nothing twice."""
    g = Glossary()
    fr = Locale.objects.get_or_create(language_code="fr")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    # Wagtail's migrations create the tree's root and the root collection; a flushed
    # database (`manage.py flush`, transactional tests) no longer has them.
    if not Page.get_root_nodes().exists():
        Page.add_root(title="Root", slug="root", locale=fr)
    if not Collection.get_root_nodes().exists():
        Collection.add_root(name="Root")

    home, created = _home(g, fr)
    contact, _ = _contact_page(g, home)
    support, created_support = _support_page(g, home)
    if created_support:
        # Created after the contact page it links to, but first in the menu.
        support.move(home, pos="first-child")
        support.refresh_from_db()
    notice, accessibility = _legal_pages(g, home)
    _home_sections(g, home, support, contact)
    footer = _settings_and_footer(g, home, fr, notice, accessibility, contact)

    # English: the home first (its children need a translated parent), then the pages,
    # then the home once more so that its links resolve to the English pages.
    # Existing translations are left alone.
    instances = [home, support, contact, notice, accessibility, footer]
    missing = [i for i in instances if i.get_translation_or_none(en) is None]
    for instance in missing:
        translate(instance, en, g)
    if home in missing:
        translate(home, en, g)
    stdout.write(
        f"Site tree ready: {home.title} (+ English)." if created else "Site tree present."
    )
    return home
