"""Keep the "open now" index in step with what is published."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from merchants.models import MerchantPage
from merchants.open_periods import forget_open_periods, refresh_open_periods


@receiver(page_published, sender=MerchantPage)
def refresh_periods_on_publish(sender, instance, **kwargs):
    """A published change of hours or closure is reflected in "open now" at once."""
    refresh_open_periods([instance])


@receiver(page_unpublished, sender=MerchantPage)
def forget_periods_on_unpublish(sender, instance, **kwargs):
    forget_open_periods([instance.pk])
