from .index import EXPORT_FORMATS, MerchantIndexPage
from .merchant import MerchantPage
from .open_periods import OpeningCalendar, OpenPeriod
from .related import MerchantGalleryImage, MerchantPlatformLink, MerchantSocialLink, SocialNetwork
from .snippets import Category, Commune, Department, comparable_name

__all__ = [
    "EXPORT_FORMATS",
    "Category",
    "Commune",
    "Department",
    "MerchantGalleryImage",
    "MerchantIndexPage",
    "MerchantPage",
    "MerchantPlatformLink",
    "MerchantSocialLink",
    "OpenPeriod",
    "OpeningCalendar",
    "SocialNetwork",
    "comparable_name",
]
