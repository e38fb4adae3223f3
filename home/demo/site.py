"""The demo's site tree: home page, business support, contact and legal pages, in French
and English. All texts are original, written for this demo."""

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site

from home.models import FooterContent, HomePage, SiteSettings

from .building import items, link, stream
from .images import demo_image
from .legal import contact_page, legal_pages
from .localize import Glossary, translate
from .support import support_page


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
    body = stream(
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
                    "cards": items(
                        [
                            {
                                "title": g.t("Transition numérique", "Going digital"),
                                "text": g.t(
                                    "Un conseiller vous aide à vendre en ligne et à proposer le "
                                    "retrait en magasin.",
                                    "An adviser helps you sell online and offer in-store pickup.",
                                ),
                                "link": link(support),
                            },
                            {
                                "title": g.t("Modernisation des commerces", "Shop modernisation"),
                                "text": g.t(
                                    "Une aide aux travaux de vitrine, d'accessibilité "
                                    "et d'énergie.",
                                    "A grant towards shopfront, accessibility and energy works.",
                                ),
                                "link": link(support),
                            },
                            {
                                "title": g.t("Centres-villes vivants", "Lively town centres"),
                                "text": g.t(
                                    "Animations, boutiques à l'essai et lutte contre la vacance "
                                    "commerciale.",
                                    "Events, trial shops and action against empty shopfronts.",
                                ),
                                "link": link(contact),
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
                    "link": link(contact),
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
    links = stream(
        [
            ("link", {**link(notice), "label": g.t("Mentions légales", "Legal notice")}),
            (
                "link",
                {
                    **link(accessibility),
                    "label": g.t(
                        # The RGAA's wording; the page says why.
                        "Accessibilité : non conforme",
                        "Accessibility: not compliant",
                    ),
                },
            ),
            ("link", {**link(contact), "label": g.t("Contact", "Contact")}),
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
    contact, _ = contact_page(g, home)
    support, created_support = support_page(g, home)
    if created_support:
        # Created after the contact page it links to, but first in the menu.
        support.move(home, pos="first-child")
        support.refresh_from_db()
    notice, accessibility = legal_pages(g, home)
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
