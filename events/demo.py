"""Demo agenda: markets in six communes, six events (one proposed by the cheese shop)
and three workshops for merchants with some seats taken, in French and English. All
texts are original, written for this demo. Dates are set from the day the demo is
loaded, so that the agenda always has something coming up."""

import datetime
import json
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from events import recurrence
from events.models import AgendaIndexPage, EventDateChange, EventPage, WorkshopRegistration
from events.registration import register
from home.demo.building import child_page
from home.demo.images import demo_image
from home.demo.localize import Glossary, translate
from home.models import HomePage
from merchants.models import Commune, MerchantPage

WEEKLY = "FREQ=WEEKLY;BYDAY={}"


def _next(today, weekday, weeks=0):
    """The next ``weekday`` (0 Monday) on or after ``today``, ``weeks`` later."""
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


def _events(today):
    """The demo's events: (slug pair, fields, French/English texts)."""
    saturday, thursday = _next(today, 5), _next(today, 3)
    return [
        {
            "slug": ("marche-de-tournon", "tournon-market"),
            "title": ("Marché du samedi à Tournon", "Saturday market in Tournon"),
            "lead": (
                "Fruits, légumes, fromages de chèvre et charcuteries des producteurs des "
                "deux rives, le long des quais et place Jean-Jaurès.",
                "Fruit, vegetables, goat's cheese and charcuterie from growers on both "
                "banks, along the quays and on place Jean-Jaurès.",
            ),
            "kind": "marche",
            "commune": "07324",
            "place": "Place Jean-Jaurès",
            "street": "Quai Farconnet",
            "coords": ("45.067600", "4.833400"),
            "start": _next(today, 5, -8),
            "times": (datetime.time(7, 0), datetime.time(13, 0)),
            "rule": WEEKLY.format("SA"),
            "organiser": ("Ville de Tournon-sur-Rhône", "Town of Tournon-sur-Rhône"),
            "changes": [
                (
                    saturday + datetime.timedelta(days=14),
                    recurrence.CANCELLED,
                    "Annulé : la place accueille la fête foraine.",
                ),
                (saturday + datetime.timedelta(days=28), recurrence.EXCLUDED, ""),
            ],
        },
        {
            "slug": ("marche-de-tain", "tain-market"),
            "title": ("Marché du jeudi à Tain-l'Hermitage", "Thursday market in Tain-l'Hermitage"),
            "lead": (
                "Le rendez-vous du jeudi matin au pied des coteaux : primeurs, fromagers, "
                "fleurs et le camion du poissonnier.",
                "Thursday morning beneath the vineyards: greengrocers, cheesemakers, "
                "flowers and the fishmonger's van.",
            ),
            "kind": "marche",
            "commune": "26347",
            "place": "Place du Taurobole",
            "street": "",
            "coords": ("45.069800", "4.845100"),
            "start": _next(today, 3, -6),
            "times": (datetime.time(7, 30), datetime.time(12, 30)),
            "rule": WEEKLY.format("TH"),
            "organiser": ("Ville de Tain-l'Hermitage", "Town of Tain-l'Hermitage"),
            "changes": [
                (
                    thursday + datetime.timedelta(days=7),
                    recurrence.MOVED,
                    "Avancé au mercredi (jour férié).",
                ),
            ],
        },
        {
            "slug": ("marche-de-saint-donat", "saint-donat-market"),
            "title": ("Marché du dimanche à Saint-Donat", "Sunday market in Saint-Donat"),
            "lead": (
                "Sous la collégiale, les producteurs de la vallée de l'Herbasse : miel, "
                "volailles, pain au levain et légumes de saison.",
                "Below the collegiate church, growers from the Herbasse valley: honey, "
                "poultry, sourdough bread and seasonal vegetables.",
            ),
            "kind": "marche",
            "commune": "26301",
            "place": "Place de la Collégiale",
            "street": "",
            "coords": ("45.123400", "4.982800"),
            "start": _next(today, 6, -4),
            "times": (datetime.time(8, 0), datetime.time(12, 30)),
            "rule": WEEKLY.format("SU"),
            "organiser": ("", ""),
        },
        {
            "slug": ("marche-de-producteurs-de-mercurol", "mercurol-farmers-market"),
            "title": (
                "Marché de producteurs de Mercurol-Veaunes",
                "Mercurol-Veaunes farmers' market",
            ),
            "lead": (
                "Le vendredi en fin de journée, achetez directement aux fermes du "
                "village : abricots, asperges, vins et fromages.",
                "On Friday evenings, buy straight from the village's farms: apricots, "
                "asparagus, wine and cheese.",
            ),
            "kind": "marche",
            "commune": "26179",
            "place": "Place de la Mairie",
            "street": "",
            "coords": ("45.078300", "4.894500"),
            "start": _next(today, 4, -3),
            "times": (datetime.time(16, 0), datetime.time(19, 30)),
            "rule": WEEKLY.format("FR"),
            "organiser": ("Association des producteurs", "Farmers' association"),
        },
        {
            "slug": ("marche-de-mauves", "mauves-market"),
            "title": ("Marché du mardi à Mauves", "Tuesday market in Mauves"),
            "lead": (
                "Un petit marché de village au bord du Rhône : légumes, œufs frais et "
                "le vigneron du coin.",
                "A small village market by the Rhône: vegetables, fresh eggs and the "
                "local winegrower.",
            ),
            "kind": "marche",
            "commune": "07152",
            "place": "Place de l'Église",
            "street": "",
            "coords": ("45.038900", "4.831300"),
            "start": _next(today, 1, -5),
            "times": (datetime.time(8, 0), datetime.time(12, 0)),
            "rule": WEEKLY.format("TU"),
            "organiser": ("", ""),
        },
        {
            "slug": ("brocante-de-saint-jean-de-muzols", "saint-jean-de-muzols-flea-market"),
            "title": ("Brocante du premier dimanche", "First-Sunday flea market"),
            "lead": (
                "Chaque premier dimanche du mois, brocanteurs et particuliers "
                "s'installent sur l'esplanade de Saint-Jean-de-Muzols.",
                "On the first Sunday of every month, dealers and residents set up their "
                "stalls on the Saint-Jean-de-Muzols esplanade.",
            ),
            "kind": "marche",
            "commune": "07245",
            "place": "Esplanade du Doux",
            "street": "",
            "coords": ("45.079900", "4.814600"),
            "start": datetime.date(today.year, today.month, 1) - datetime.timedelta(days=60),
            "times": (datetime.time(7, 0), datetime.time(17, 0)),
            "rule": "FREQ=MONTHLY;BYDAY=1SU",
            "organiser": ("Comité des fêtes", "Festival committee"),
        },
        {
            "slug": ("nocturnes-de-tournon", "tournon-late-night-shopping"),
            "title": ("Nocturnes des commerçants de Tournon", "Late-night shopping in Tournon"),
            "lead": (
                "Trois soirs de suite, les boutiques du centre restent ouvertes jusqu'à "
                "21 heures, avec vin chaud et musique dans la Grande Rue.",
                "Three evenings in a row, town-centre shops stay open until 9 pm, with "
                "mulled wine and music on the Grande Rue.",
            ),
            "kind": "animation",
            "commune": "07324",
            "place": "Grande Rue",
            "street": "",
            "coords": ("45.067000", "4.832000"),
            "start": today + datetime.timedelta(days=18),
            "times": (datetime.time(17, 0), datetime.time(21, 0)),
            "rule": "FREQ=DAILY;COUNT=3",
            "organiser": ("Union commerciale de Tournon", "Tournon traders' union"),
        },
        {
            "slug": ("braderie-de-tain", "tain-sidewalk-sale"),
            "title": ("Grande braderie de Tain", "Tain sidewalk sale"),
            "lead": (
                "Deux jours de bonnes affaires : les commerçants sortent leurs étals "
                "sur les trottoirs de l'avenue Jean-Jaurès.",
                "Two days of bargains: shops set out their stalls on the pavements of "
                "avenue Jean-Jaurès.",
            ),
            "kind": "animation",
            "commune": "26347",
            "place": "Avenue Jean-Jaurès",
            "street": "",
            "coords": ("45.070400", "4.844000"),
            "start": today + datetime.timedelta(days=40),
            "end": today + datetime.timedelta(days=41),
            "times": (None, None),
            "organiser": ("Les Vitrines de Tain", "Les Vitrines de Tain"),
        },
        {
            "slug": ("fete-des-artisans", "craft-fair"),
            "title": ("Fête des artisans à Saint-Donat", "Craft fair in Saint-Donat"),
            "lead": (
                "Potiers, ébénistes, couteliers et tisserands montrent leur savoir-faire "
                "et vendent leurs créations.",
                "Potters, cabinetmakers, knife makers and weavers show their skills and "
                "sell their work.",
            ),
            "kind": "animation",
            "commune": "26301",
            "place": "Halle de Saint-Donat",
            "street": "",
            "coords": ("45.122900", "4.983300"),
            "start": _next(today, 5, 4),
            "times": (datetime.time(10, 0), datetime.time(18, 0)),
            "price": Decimal("2.00"),
            "price_note": ("gratuit pour les moins de 12 ans", "free for under-12s"),
            "organiser": ("Chambre de métiers", "Chamber of trades"),
        },
        {
            "slug": ("vitrines-en-fete", "shop-windows-festival"),
            "title": ("Vitrines en fête", "Shop window festival"),
            "lead": (
                "Les commerçants décorent leurs vitrines sur un même thème ; votez pour "
                "votre préférée dans les boutiques participantes.",
                "Shops decorate their windows on a common theme; vote for your favourite "
                "in the participating shops.",
            ),
            "kind": "autre",
            "commune": "07324",
            "place": "Centre-ville de Tournon",
            "street": "",
            "coords": None,
            "start": today + datetime.timedelta(days=10),
            "end": today + datetime.timedelta(days=24),
            "times": (None, None),
            "organiser": ("Agglomération", "The agglomeration"),
        },
        {
            "slug": ("degustation-fromages-ete", "summer-cheese-tasting"),
            "title": ("Dégustation des fromages de saison", "Seasonal cheese tasting"),
            "lead": (
                "La fromagerie ouvre ses caves : cinq fromages affinés sur place, "
                "présentés par le producteur.",
                "The cheese shop opens its cellars: five cheeses ripened on site, "
                "presented by the farmer.",
            ),
            "kind": "animation",
            "merchant": "demo-002",
            "start": today + datetime.timedelta(days=9),
            "times": (datetime.time(18, 0), datetime.time(20, 0)),
            "price": Decimal("5.00"),
            "organiser": ("Fromagerie Les Deux Rives", "Fromagerie Les Deux Rives"),
        },
        {
            "slug": ("journee-du-commerce-de-proximite", "local-shops-day"),
            "title": ("Journée du commerce de proximité", "Local shops day"),
            "lead": (
                "Partout sur le territoire, les commerces participants offrent un petit "
                "cadeau à leurs clients et présentent leurs services.",
                "All over the area, participating shops give their customers a small "
                "gift and present their services.",
            ),
            "kind": "autre",
            "commune": "26347",
            "place": "Commerces participants",
            "street": "",
            "coords": None,
            "start": _next(today, 5, 3),
            "times": (None, None),
            "organiser": ("Agglomération", "The agglomeration"),
        },
    ]


WORKSHOPS = [
    {
        "slug": ("atelier-strategie-numerique", "digital-strategy-workshop"),
        "title": ("Atelier : votre stratégie numérique", "Workshop: your digital strategy"),
        "lead": (
            "Trois heures pour faire le point sur votre présence en ligne : fiche "
            "d'établissement, réseaux sociaux, avis clients.",
            "Three hours to review your online presence: business listing, social "
            "networks, customer reviews.",
        ),
        "days": 7,
        "times": (datetime.time(9, 0), datetime.time(12, 0)),
        "capacity": 12,
        "taken": 5,
    },
    {
        "slug": ("atelier-vendre-en-ligne", "selling-online-workshop"),
        "title": ("Atelier : vendre en ligne", "Workshop: selling online"),
        "lead": (
            "Deux séances pour mettre en place la réservation et le retrait en "
            "boutique, avec un conseiller de l'agglomération.",
            "Two sessions to set up online reservation and in-store pickup, with an "
            "adviser from the agglomeration.",
        ),
        "days": 14,
        "times": (datetime.time(14, 0), datetime.time(17, 0)),
        "capacity": 8,
        "taken": 8,
        "waiting": 1,
        "rule": "FREQ=WEEKLY;COUNT=2",
    },
    {
        "slug": ("atelier-moderniser-sa-vitrine", "shop-front-workshop"),
        "title": ("Atelier : moderniser sa vitrine", "Workshop: modernising your shop front"),
        "lead": (
            "Éclairage, signalétique, accessibilité : un architecte conseil vous aide à "
            "préparer votre dossier d'aide à la modernisation.",
            "Lighting, signage, accessibility: an advisory architect helps you prepare "
            "your shop modernisation grant application.",
        ),
        "days": 21,
        "times": (datetime.time(18, 0), datetime.time(20, 0)),
        "capacity": 10,
        "taken": 3,
    },
]

WORKSHOP_PLACE = {
    "commune": "26347",
    "place": "Maison de l'économie",
    "street": "1 place de l'Hôtel de Ville",
    "coords": ("45.070200", "4.846500"),
    "organiser": ("Service développement économique", "Economic development team"),
    "accessibility": (
        "Salle de plain-pied, accessible en fauteuil roulant ; boucle magnétique sur demande.",
        "Step-free room, wheelchair accessible; hearing loop on request.",
    ),
}


def _index(home, g):
    return child_page(
        home,
        g.t("agenda", "events"),
        lambda: AgendaIndexPage(
            title=g.t("Agenda", "What's on"),
            show_in_menus=True,
            intro=g.t(
                "Marchés, animations des commerçants et ateliers de l'agglomération pour "
                "les commerces : tout ce qui se passe sur les deux rives.",
                "Markets, shop events and the agglomeration's workshops for merchants: "
                "everything going on along both banks.",
            ),
            listing_summary=g.t(
                "Les marchés et les événements commerciaux du territoire.",
                "Markets and shopping events in the area.",
            ),
        ),
    )


def _event_page(index, item, g, communes, merchants, today):
    def build():
        start_time, end_time = item["times"]
        image = demo_image(
            f"Illustration — {item['title'][0]}", sky="#f4d6a0", hills="#7a5c3a", river="#2d6a8a"
        )
        merchant = merchants.get(item.get("merchant"))
        coords = item.get("coords")
        page = EventPage(
            title=g.t(*item["title"]),
            kind=item["kind"],
            lead=g.t(*item["lead"]),
            body=json.dumps([{"type": "paragraph", "value": g.rich(item["lead"])}]),
            main_image=image,
            main_image_alt=g.t(
                "Illustration : collines et fleuve sous un ciel d'été.",
                "Illustration: hills and river under a summer sky.",
            ),
            place_merchant=merchant,
            proposed_by=merchant,
            place_name=item.get("place", ""),
            street_address=item.get("street", ""),
            commune=communes.get(item.get("commune")),
            latitude=Decimal(coords[0]) if coords else None,
            longitude=Decimal(coords[1]) if coords else None,
            start_date=item["start"],
            start_time=start_time,
            end_date=item.get("end"),
            end_time=end_time,
            recurrence=item.get("rule", ""),
            organiser=g.t(*item["organiser"]) if item.get("organiser", ("", ""))[0] else "",
            price=item.get("price"),
            price_note=g.t(*item["price_note"]) if item.get("price_note") else "",
            accessibility=g.t(*item["accessibility"]) if item.get("accessibility") else "",
            capacity=item.get("capacity"),
        )
        page.date_changes = [
            EventDateChange(
                day=day,
                action=action,
                message=message,
                new_day=day - datetime.timedelta(days=1) if action == recurrence.MOVED else None,
            )
            for day, action, message in item.get("changes", [])
        ]
        return page

    return child_page(index, g.t(*item["slug"]), build)


def _workshop_items(today):
    return [
        {
            **WORKSHOP_PLACE,
            **item,
            "kind": "atelier",
            "start": today + datetime.timedelta(days=item["days"]),
        }
        for item in WORKSHOPS
    ]


def _with_memory(instance, locale, g):
    """Register the English already in translation memory for ``instance`` (strings
    translated by an earlier demo loader), so that only new strings need ``g``."""
    source, _created = TranslationSource.update_or_create_from_instance(
        type(instance).objects.get(pk=instance.pk)
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        known = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if known is not None and segment.string.data not in g.english:
            g.t(segment.string.data, known.data)


def _home_section(fr, en, g, index):
    """The home page's "Agenda" section, added once after the news."""
    home = HomePage.objects.get(locale=fr)
    if any(block.block_type == "agenda" for block in home.body):
        return
    raw = list(home.body.raw_data)
    position = next(
        (i + 1 for i, block in enumerate(raw) if block["type"] == "news_highlights"), 0
    )
    raw.insert(
        position, {"type": "agenda", "value": {"title": g.t("Agenda", "What's on"), "count": 4}}
    )
    home.body = json.dumps(raw)
    home.save_revision().publish()
    english = home.get_translation_or_none(en)
    if english is not None:
        _with_memory(home, en, g)
        translate(home, en, g)


@transaction.atomic
def load(stdout):
    g = Glossary()
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=fr)
    today = timezone.localdate()
    index, created = _index(home, g)
    if created:
        contact = home.get_children().filter(slug="contact").first()
        if contact is not None:
            contact.move(home, pos="last-child")
    if index.get_translation_or_none(en) is None:
        translate(index, en, g)
        english_contact = home.get_translation(en).get_children().filter(slug="contact").first()
        if english_contact is not None:
            english_contact.move(english_contact.get_parent(), pos="last-child")
    communes = {commune.insee_code: commune for commune in Commune.objects.all()}
    merchants = {
        merchant.external_id: merchant
        for merchant in MerchantPage.objects.filter(locale=fr, external_id__in=["demo-002"])
    }
    for item in [*_events(today), *_workshop_items(today)]:
        page, _created = _event_page(index, item, g, communes, merchants, today)
        if page.get_translation_or_none(en) is None:
            translate(page, en, g)
    _home_section(fr, en, g, index)
    stdout.write(f"Agenda: {EventPage.objects.filter(locale=fr).count()} events (+ English).")


PEOPLE = [
    ("Claire Morel", "Atelier Morel Couture"),
    ("Hugo Bertrand", "Épicerie du Doux"),
    ("Inès Garnier", "Cave Garnier"),
    ("Paul Lefèvre", "Lefèvre Optique"),
    ("Léa Dumas", "Fleurs de Lemps"),
    ("Nadia Chevalier", "Salon Nadia"),
    ("Marc Rolland", "Boucherie Rolland"),
    ("Sophie Perrin", "Librairie des Quais"),
    ("Yann Colin", "Cycles Colin"),
]


@transaction.atomic
def load_registrations(stdout):
    """Seats taken in the demo's workshops (first session), once."""
    now = timezone.now()
    fr = Locale.objects.get(language_code="fr")
    count = 0
    for item in WORKSHOPS:
        page = EventPage.objects.filter(locale=fr, slug=item["slug"][0]).first()
        if page is None or WorkshopRegistration.objects.filter(event=page).exists():
            continue
        first = page.occurrences.order_by("start").first()
        if first is None:
            continue
        wanted = item["taken"] + item.get("waiting", 0)
        for number, (name, business) in enumerate(PEOPLE[:wanted]):
            slug = business.lower().replace(" ", "-").replace("é", "e").replace("ô", "o")
            register(
                page,
                first.start,
                {
                    "name": name,
                    "business_name": business,
                    "email": f"{slug}-{number}@commerces.example",
                    "phone": "",
                },
                "fr",
                now,
            )
            count += 1
    stdout.write(f"Workshop registrations: {count} added.")
