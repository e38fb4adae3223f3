"""Demo offers (``manage.py load_demo``): the "Offres et bons plans" page and 60+
offers below the demo's shops, some translated into English (``offers.demo_content``).
Idempotent: an offer that exists (by its shop and slug) is left as it is."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from home.demo.building import child_page, listing_page
from home.demo.images import demo_image
from home.demo.localize import Glossary, translate
from home.models import HomePage
from merchants.models import MerchantPage
from offers.choices import mask_of
from offers.demo_content import PHOTOS, demo_offers
from offers.models import OfferPage, OffersIndexPage

ALT = {
    "pain": ("Illustration : collines dorées comme une croûte de pain.",
             "Illustration: golden hills like a bread crust."),
    "fromage": ("Illustration : prairie jaune pâle et rivière.",
                "Illustration: pale yellow meadow and river."),
    "vin": ("Illustration : coteaux couleur de vin au crépuscule.",
            "Illustration: wine-coloured slopes at dusk."),
    "legumes": ("Illustration : champs verts au bord du fleuve.",
                "Illustration: green fields by the river."),
    "fleurs": ("Illustration : collines roses au printemps.",
               "Illustration: pink hills in spring."),
    "chocolat": ("Illustration : collines brun chocolat.",
                 "Illustration: chocolate-brown hills."),
    "velo": ("Illustration : la vallée du Rhône sous un ciel bleu.",
             "Illustration: the Rhône valley under a blue sky."),
    "atelier": ("Illustration : paysage gris d'hiver.", "Illustration: grey winter landscape."),
    "viande": ("Illustration : collines rouges au soleil couchant.",
               "Illustration: red hills at sunset."),
}  # fmt: skip


def _index(home, g):
    return listing_page(
        home,
        g,
        OffersIndexPage,
        slug=("offres", "offers"),
        title=("Offres et bons plans", "Offers and deals"),
        intro=(
            "Produits, promotions et services des commerces du territoire : ce que "
            "vous trouverez près de chez vous, au juste prix, sans commission.",
            "Products, promotions and services from the area's shops: what you will "
            "find near you, at a fair price, with no commission.",
        ),
        summary=(
            "Ce que vendent les commerces, leurs promotions du moment.",
            "What the shops sell, and their current promotions.",
        ),
    )


def _photo(theme):
    sky, hills, river = PHOTOS[theme]
    return demo_image(f"Offre — {theme}", sky=sky, hills=hills, river=river, size=(800, 600))


def _offer_page(merchant, item, g):
    title_fr, title_en = item["title"]
    description_fr, description_en = item["description"]
    conditions = item.get("conditions") or ("", "")
    alt_fr, alt_en = ALT[item["photo"]]

    def build():
        if item.get("en"):
            g.t(title_fr, title_en)
            g.t(description_fr, description_en)
            g.t(alt_fr, alt_en)
            if conditions[0]:
                g.t(*conditions)
        dates = item.get("dates", {})
        return OfferPage(
            title=title_fr,
            kind=item["kind"],
            description=description_fr,
            photo=_photo(item["photo"]),
            photo_alt=alt_fr,
            price_mode=item.get("mode", "fixe"),
            price=item["price"],
            price_max=item.get("price_max"),
            unit=item.get("unit", ""),
            availability=item.get("availability", "en_stock"),
            season_months=mask_of(item.get("months", [])),
            stock_quantity=item.get("stock"),
            valid_from=dates.get("valid_from"),
            valid_until=dates.get("valid_until"),
            conditions=conditions[0],
        )

    slug = slugify(title_fr)[:80]
    if item.get("en"):
        g.t(slug, slugify(title_en)[:80])
    return child_page(merchant, slug, build)


@transaction.atomic
def load(stdout):
    g = Glossary()
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=fr)
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
    merchants = {
        merchant.external_id: merchant
        for merchant in MerchantPage.objects.filter(locale=fr, external_id__startswith="demo-")
    }
    today = timezone.localdate()
    created_count = translated = 0
    for item in demo_offers(today):
        merchant = merchants.get(f"demo-{item['shop']:03d}")
        if merchant is None:
            continue
        page, created = _offer_page(merchant, item, g)
        created_count += created
        if (
            item.get("en")
            and merchant.get_translation_or_none(en) is not None
            and page.get_translation_or_none(en) is None
        ):
            translate(page, en, g)
            translated += 1
    stdout.write(
        f"Offers: {OfferPage.objects.filter(locale=fr).count()} offers "
        f"({created_count} created, {translated} translated into English)."
    )
