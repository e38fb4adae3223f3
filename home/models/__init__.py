from .base import BasePage
from .pages import HomePage, StandardPage
from .site_settings import FooterContent, SiteSettings

__all__ = ["BasePage", "FooterContent", "HomePage", "SiteSettings", "StandardPage"]
