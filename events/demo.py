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
from events.demo_content import PEOPLE, WORKSHOP_PLACE, WORKSHOPS, demo_events
from events.models import AgendaIndexPage, EventDateChange, EventPage, WorkshopRegistration
from events.registration import register
from home.demo.building import child_page, listing_page
from home.demo.images import demo_image
from home.demo.localize import Glossary, translate
from home.models import HomePage
from merchants.models import Commune, MerchantPage


def _index(home, g):
    return listing_page(
        home,
        g,
        AgendaIndexPage,
        slug=("agenda", "events"),
        title=("Agenda", "What's on"),
        intro=(
            "Marchés, animations des commerçants et ateliers de l'agglomération pour "
            "les commerces : tout ce qui se passe sur les deux rives.",
            "Markets, shop events and the agglomeration's workshops for merchants: "
            "everything going on along both banks.",
        ),
        summary=(
            "Les marchés et les événements commerciaux du territoire.",
            "Markets and shopping events in the area.",
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
    for item in [*demo_events(today), *_workshop_items(today)]:
        page, _created = _event_page(index, item, g, communes, merchants, today)
        if page.get_translation_or_none(en) is None:
            translate(page, en, g)
    _home_section(fr, en, g, index)
    stdout.write(f"Agenda: {EventPage.objects.filter(locale=fr).count()} events (+ English).")


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
