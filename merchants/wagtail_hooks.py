"""Admin: the directory's reference data (categories, communes) under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from merchants.models import Category, Commune


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Catégories")
    list_display = ["name", "parent", "slug", "schema_type"]
    list_filter = ["parent"]
    search_fields = ["name"]
    ordering = ["parent__name", "name"]


class CommuneViewSet(SnippetViewSet):
    model = Commune
    icon = "site"
    menu_label = _("Communes")
    list_display = ["name", "insee_code", "postcodes", "department"]
    list_filter = ["department"]
    search_fields = ["name", "insee_code", "postcodes"]
    list_per_page = 50


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (CategoryViewSet, CommuneViewSet)
    menu_icon = "list-ul"
    menu_label = _("Annuaire")
    menu_name = "directory"


register_snippet(DirectoryViewSetGroup)
