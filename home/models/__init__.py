from .base import BasePage
from .pages import HomePage, StandardPage
from .site_settings import FooterContent, SiteSettings
from .translation_status import StaleTranslation

__all__ = [
    "BasePage",
    "FooterContent",
    "HomePage",
    "SiteSettings",
    "StaleTranslation",
    "StandardPage",
]
