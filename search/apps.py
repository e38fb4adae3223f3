from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = _("Recherche")

    def ready(self):
        from home import demo, publication, roles
        from home.background import periodic
        from search import demo as search_demo
        from search import header, indexing, synonym_changes, tasks

        demo.register_loader("search", search_demo.load, order=demo.EXTRAS)
        roles.register_team_models("wagtailsearchpromotions", ["searchpromotion"])
        roles.register_team_permissions("search", "view_searchterm")
        roles.register_team_models("search", ["searchsynonym"])
        synonym_changes.connect()
        header.register()
        publication.pages_written.connect(indexing.index_written_pages)
        periodic.register(
            "reconcile_search_index", tasks.reconcile_search_index, periodic.every(minutes=10)
        )
        publication.register_step(
            "search_translations",
            order=publication.SEARCH,
            published=indexing.reindex_translations,
            unpublished=indexing.reindex_translations,
        )
