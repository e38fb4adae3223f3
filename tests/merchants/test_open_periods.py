"""The precomputed open periods behind "open now", and the daily job that renews them."""

import io

import pytest
from django.core.management import call_command

from merchants.models import MerchantPage, OpeningCalendar, OpenPeriod
from merchants.open_periods import WINDOW_AFTER, filter_open_now, refresh_open_periods

from .conftest import paris

pytestmark = pytest.mark.django_db


def test_periods_follow_hours_holidays_and_closures(clock):
    moment = clock(paris(2026, 7, 13, 8, 0))  # Monday before the 14 July holiday
    bakery = MerchantPage.objects.get(
        title="Boulangerie du Quai", locale__language_code="fr"
    )  # Tu-Sa, PH off
    refresh_open_periods([bakery], now=moment)
    days = {
        period.opens_at.astimezone(moment.tzinfo).date().isoformat()
        for period in bakery.open_periods.all()
    }
    assert "2026-07-14" not in days  # holiday
    assert "2026-07-15" in days
    calendar = OpeningCalendar.objects.get(merchant=bakery)
    assert calendar.covers_until == moment + WINDOW_AFTER


def test_filter_open_now_mixes_stored_and_computed_answers(clock):
    moment = clock(paris(2026, 7, 15, 10, 0))  # Wednesday morning
    merchants = MerchantPage.objects.live()
    refresh_open_periods(merchants.filter(commune__insee_code="07324"), now=moment)
    OpeningCalendar.objects.exclude(merchant__commune__insee_code="07324").delete()
    expected = {m.pk for m in merchants if m.status(moment).is_open}
    assert set(filter_open_now(merchants, moment).values_list("pk", flat=True)) == expected


def test_daily_job_renews_only_the_windows_that_end_soon(clock):
    clock(paris(2026, 7, 15, 3, 0))
    out = io.StringIO()
    call_command("refresh_opening_periods", "--all", stdout=out)
    live = MerchantPage.objects.live().count()
    assert f"Open periods rebuilt for {live} merchants" in out.getvalue()
    assert OpeningCalendar.objects.count() == live
    call_command("refresh_opening_periods", stdout=out)
    assert "rebuilt for 0 merchants" in out.getvalue().splitlines()[-1]
    clock(paris(2026, 7, 24, 3, 0))  # nine days later: windows end within the margin
    call_command("refresh_opening_periods", stdout=out)
    assert f"rebuilt for {live} merchants" in out.getvalue().splitlines()[-1]
    assert OpenPeriod.objects.filter(opens_at__gte=paris(2026, 7, 28, 0, 0)).exists()
