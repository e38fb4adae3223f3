"""Admin: the directory's reference data (categories, communes) under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.params import IdModelChoiceFilter
from merchants.models import Category, Commune


def main_categories(request):
    """The filter's parent categories: those of the language the listing shows."""
    categories = Category.objects.filter(parent__isnull=True)
    language = request.GET.get("locale") if request is not None else None
    if language:
        categories = categories.filter(locale__language_code=language)
    return categories.order_by("name")


class CategoryFilterSet(WagtailFilterSet):
    parent = IdModelChoiceFilter(label=_("catégorie parente"), queryset=main_categories)

    class Meta:
        model = Category
        fields = ["parent"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Catégories")
    list_display = ["name", "parent", "slug", "schema_type"]
    filterset_class = CategoryFilterSet
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
