from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Pages du site")

    def ready(self):
        from django.urls import register_converter
        from wagtail.models import PageViewRestriction, Site

        # Connects Wagtail's publication signals to the pipeline.
        from home import caching, checks, demo, publication, roles  # noqa: F401 (checks)
        from home.demo import site
        from home.models import FooterContent, SiteSettings
        from home.params import IdConverter
        from home.translation import steps

        # Before any URL pattern is built: ours (and our admin hooks') use <id:…>.
        register_converter(IdConverter, "id")

        # Imports Wagtail's admin views, which need the app registry ready.
        from home.spreadsheets import protect_spreadsheet_exports

        protect_spreadsheet_exports()

        demo.register_loader("site", site.load, order=demo.SITE)
        demo.register_loader("roles", roles.load, order=demo.ROLES)

        publication.register_step(
            "translation_facts",
            order=publication.TRANSLATION_FACTS,
            published=steps.synchronise_facts,
        )
        publication.register_step(
            "translation_text",
            order=publication.TRANSLATION_TEXT,
            published=steps.record_text_changes,
        )
        publication.register_step(
            "page_caches",
            order=publication.CACHES,
            published=caching.follow_publication,
            unpublished=caching.follow_publication,
        )
        # A view restriction hides pages without a publication: nothing cached may
        # still show them, and the menu leaves them out (home.frame). A site's address
        # or root page changes every URL.
        caching.purge_everything_on_change(FooterContent, SiteSettings, PageViewRestriction, Site)
        caching.connect_tree_changes()

        # Every new image file loses its metadata, whichever way it is saved (imported
        # here: the image model is known once the apps are ready).
        from django.db.models.signals import pre_save
        from wagtail.images import get_image_model

        from home.images import clean_new_image_file

        pre_save.connect(
            clean_new_image_file, sender=get_image_model(), dispatch_uid="clean_new_image_file"
        )
