"""Which shop a call & collect form is for, and what its block shows.

Requests belong to the French page; a resident may use the English one. Both the
profile's block (``call_collect_tags``) and the form views start from here.
"""

import datetime

from django.conf import settings
from django.utils.translation import get_language

from home.locales import active_locale, source_version
from merchants import open_periods
from merchants.collect.forms import BookingForm, CallbackForm
from merchants.collect.slots import upcoming_slots
from merchants.models import MerchantPage


def offers_call_collect(page):
    return page.offers_call_collect or page.offers_pickup_appointment


def _language(page, request):
    """The page's language, from the locale the layout already looked up when it can."""
    locale = active_locale(request) if request is not None else None
    if locale is not None and locale.pk == page.locale_id:
        return locale.language_code
    return page.locale.language_code


def source_merchant(page, request=None):
    """The French page that holds the slots and requests (``page`` itself in French)."""
    if _language(page, request) == settings.LANGUAGE_CODE:
        return page
    return source_version(page, MerchantPage.objects.select_related("locale"))


def published_merchant(page_id):
    """``(page shown, French page)`` for a published page offering call & collect, or
    ``(None, None)``."""
    page = MerchantPage.objects.live().filter(pk=page_id).select_related("locale").first()
    if page is None or not offers_call_collect(page):
        return None, None
    source = source_merchant(page)
    return (page, source) if source is not None else (None, None)


def block_context(page, source):
    """What the profile's block shows: the days with free slots (the forms are on pages
    of their own, see ``form_context``)."""
    return {
        "merchant_page": page,
        "slot_days": upcoming_slots(source, open_periods.current_time()),
        "language": get_language(),
    }


def shown_page_url(page):
    """The shop's page in the active language: its translation's address, or the
    address where the other language shows it untranslated, or its own."""
    language = get_language()
    if page.locale.language_code != language:
        return page.url_in_language(language) or page.url
    return page.url


def form_context(page, source, callback_form=None, booking_form=None, day=None):
    """What a form page needs: the form, and for a booking the free slots, of ``day``
    only when it has some (``day_unavailable`` when it has none left)."""
    slot_days = upcoming_slots(source, open_periods.current_time())
    chosen = [slot_day for slot_day in slot_days if slot_day.date == day] if day else []
    return {
        "merchant_page": page,
        "back_url": shown_page_url(page),
        "callback_form": callback_form or CallbackForm(),
        "booking_form": booking_form or BookingForm(),
        "slot_days": chosen or slot_days,
        "chosen_day": day if chosen else None,
        "day_unavailable": day if day and not chosen else None,
        "language": get_language(),
        "retention_days": settings.CALL_COLLECT_RETENTION_DAYS,
    }


def first_slot_ends_bookable(slot_days):
    """When the first slot shown stops being bookable (its start, less the notice the
    shop needs), or None: the block is right until then."""
    if not slot_days or not slot_days[0].slots:
        return None
    notice = datetime.timedelta(minutes=settings.CALL_COLLECT_MIN_NOTICE_MINUTES)
    return slot_days[0].slots[0].start - notice
