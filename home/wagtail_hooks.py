from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import FooterContent


class FooterContentViewSet(SnippetViewSet):
    model = FooterContent
    icon = "list-ul"
    menu_label = _("Pied de page")
    add_to_settings_menu = True


register_snippet(FooterContentViewSet)
