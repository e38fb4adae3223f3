from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Actualités et entretiens")

    def ready(self):
        from home import demo, sections
        from news import search
        from news.blocks import NewsHighlightsBlock
        from news.demo import load as news_demo

        search.register()
        demo.register_loader("news", news_demo.load, order=demo.FEATURES)
        sections.register("news_highlights", NewsHighlightsBlock())
