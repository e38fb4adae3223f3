"""The agenda in the page caches (``home.caching``).

- **How long a shared copy lasts.** The agenda's pages, an event's page and its
  calendars show dates relative to now: an occurrence leaves the listing when it
  ends, a workshop's session closes to registration when it starts, "aujourd'hui"
  and "ce week-end" follow the day. A copy is shared no longer than the next start or
  end of an occurrence it may show, nor than midnight (``bound_by_occurrences``).
- **What is purged.** A publication purges the event in every language, the agenda
  with its routes (``get_cached_paths``: feeds, month pages, map data) and the shops
  whose page shows it (``EventPage.cache_dependents``). A registration or a
  cancellation changes the seats left shown on the workshop's page: that page only,
  in every language (``connect``).
- **What is never shared.** The registration form (CSRF token, a merchant's account)
  and a person's registration are views of their own, marked private
  (``events.views``); the event's page only links to the form.
"""

import datetime

from django.db.models import Min, Q
from django.db.models.signals import post_delete, post_save

from events.models import WorkshopRegistration
from events.recurrence import PARIS
from home import caching


def next_midnight(now):
    """The next midnight in Paris after ``now``."""
    tomorrow = now.astimezone(PARIS).date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time.min, tzinfo=PARIS)


def next_change(occurrences, now):
    """The first start or end after ``now`` among ``occurrences`` (a queryset of
    ``EventOccurrence``), in one query; None when there is none."""
    found = occurrences.order_by().aggregate(
        start=Min("start", filter=Q(start__gt=now)), end=Min("end", filter=Q(end__gt=now))
    )
    moments = [moment for moment in found.values() if moment is not None]
    return min(moments, default=None)


def bound_by_occurrences(request, occurrences, now):
    """A copy of what ``request`` answers, which shows ``occurrences`` as they are at
    ``now``, is shared until the next one starts or ends, and midnight at the latest."""
    caching.share_until(request, next_change(occurrences, now), now)
    caching.share_until(request, next_midnight(now), now)


def _registrations_changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    # The seats left are on the workshop's page (both languages), nowhere else.
    caching.purge_page_only([instance.event])


def connect():
    post_save.connect(
        _registrations_changed, sender=WorkshopRegistration, dispatch_uid="events-seats-cache"
    )
    post_delete.connect(
        _registrations_changed, sender=WorkshopRegistration, dispatch_uid="events-seats-cache-d"
    )
