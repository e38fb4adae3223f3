"""The directory's filters (category, commune, service, opening hours), as site search
sees them: provided by the app that lists the territory's places.

The merchants app registers its directory from ``AppConfig.ready()``; search filters,
counts and ranks with it and imports nothing of that app. Without a registered
directory, search still finds pages, and the directory's filters find nothing.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Service:
    code: str  # in URLs: ?service=click_collect
    field_name: str  # the boolean field of the place model
    label: object  # callable() -> the label in the active language


@dataclass(frozen=True)
class Directory:
    """What the directory's filters need from the places it lists."""

    model: type  # the page model of a place (a merchant)
    category_model: type  # translatable categories: name, slug, parent, translation_key
    commune_model: type  # communes: name, slug, insee_code, postcodes
    category_links: type  # the place ↔ category link model
    link_place_field: str  # its column naming the place ("merchantpage_id")
    services: tuple  # Service, in display order
    open_now: object  # callable(queryset, now) -> the places of queryset open at now
    open_on: object  # callable(queryset, weekday, now) -> open on the next such day
    now: object  # callable() -> the moment pages are rendered for
    commune_field: str = "commune"
    sort_field: str = "sort_name"  # browsing by filters only: places in this order

    @property
    def page_relation(self):
        """The place model's row seen from ``Page`` (multi-table inheritance)."""
        return self.model._meta.model_name

    def service_codes(self):
        return {service.code: service for service in self.services}

    def service_label(self, code):
        service = self.service_codes().get(code)
        return str(service.label()) if service else ""

    def places(self):
        return self.model.objects.all()


_directory = None


def register(directory):
    global _directory
    _directory = directory


def get():
    """The registered directory, or None."""
    return _directory
