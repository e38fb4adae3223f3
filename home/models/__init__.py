from .base import BasePage, page_translatable_fields
from .frame import FrameVersion
from .pages import HomePage, StandardPage
from .site_settings import FooterContent, SiteSettings
from .translation_status import StaleTranslation

__all__ = [
    "BasePage",
    "FooterContent",
    "FrameVersion",
    "HomePage",
    "SiteSettings",
    "StaleTranslation",
    "StandardPage",
    "page_translatable_fields",
]
