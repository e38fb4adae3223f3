from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Actualités et entretiens")

    def ready(self):
        from home import caching, demo, roles, sections
        from news import search
        from news.blocks import NewsHighlightsBlock
        from news.demo import load as news_demo
        from news.models import NewsIndexPage, Topic

        caching.purge_everything_on_change(Topic)  # on every article and listing

        roles.register_team_models("news", ["topic"])
        roles.register_review_workflow(
            roles.EDITORIAL_WORKFLOW,
            "Relecture par l'équipe communication",
            lambda: NewsIndexPage.objects.all(),
        )
        search.register()
        demo.register_loader("news", news_demo.load, order=demo.FEATURES)
        sections.register("news_highlights", NewsHighlightsBlock())
