"""When each merchant is open over the coming days, precomputed for the "open now" filter.

Reading every merchant's hours on every request would not scale to thousands of shops.
Instead, each published profile's open periods for a rolling window (see
``merchants.open_periods``) are stored as rows, and "open now" is one indexed query.
These rows are derived data: never edited, rebuilt whenever a profile is published, by
the import, and daily by ``manage.py refresh_opening_periods``.
"""

from django.db import models


class OpeningCalendar(models.Model):
    """The window of time for which a merchant's open periods were computed."""

    merchant = models.OneToOneField(
        "merchants.MerchantPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="opening_calendar",
    )
    covers_from = models.DateTimeField()
    covers_until = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "opening calendar"

    def __str__(self):
        return f"{self.merchant_id}: {self.covers_from:%Y-%m-%d %H:%M} → {self.covers_until:%H:%M}"


class OpenPeriod(models.Model):
    """One stretch of time during which a merchant is open (temporary closures removed)."""

    merchant = models.ForeignKey(
        "merchants.MerchantPage", on_delete=models.CASCADE, related_name="open_periods"
    )
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()

    class Meta:
        verbose_name = "open period"
        indexes = [
            models.Index(fields=["opens_at", "closes_at"], name="merchants_open_period_idx")
        ]

    def __str__(self):
        return f"{self.merchant_id}: {self.opens_at:%Y-%m-%d %H:%M} → {self.closes_at:%H:%M}"
