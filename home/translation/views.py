"""wagtail-localize's admin views, with the checks our translators rely on.

Registered ahead of wagtail-localize's own addresses (see ``home.wagtail_hooks``), so
the admin's links and buttons lead here without any change to their templates.
"""

import contextlib

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.models import DraftStateMixin, Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail_localize.models import Translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from home.translation.guard import is_complete, translation_progress


def can_publish_translation(user, translation):
    """May ``user`` publish the target of ``translation`` (created or still to create)?"""
    source_instance = translation.source.get_source_instance()
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        target = None
    if isinstance(source_instance, Page):
        if target is not None:
            return target.permissions_for_user(user).can_publish()
        parent = source_instance.get_parent().get_translation_or_none(translation.target_locale)
        return parent is not None and parent.permissions_for_user(user).can_publish_subpage()
    action = "publish" if isinstance(source_instance, DraftStateMixin) else "change"
    return ModelPermissionPolicy(type(source_instance)).user_has_permission(user, action)


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """ "Update existing translations", publishing only what may and can be published.

    wagtail-localize checks one permission (``submit_translation``) and then publishes
    every translation when "Publish immediately" is ticked. Here publishing also needs
    the right to publish each translated page, and a translation with strings still to
    translate is saved as a draft instead, with a message saying how many are left.
    """

    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid() and self.components.is_valid():
            refused = []
            if form.cleaned_data["publish_translations"]:
                refused = [
                    translation
                    for translation in self.enabled_translations()
                    if not can_publish_translation(request.user, translation)
                ]
            if not refused:
                return self.form_valid(form)
            for translation in refused:
                messages.error(
                    request,
                    _(
                        "Vous n'avez pas le droit de publier la traduction (%(language)s) : "
                        "décochez « Publier immédiatement » pour mettre à jour le texte "
                        "à traduire sans publier."
                    )
                    % {"language": translation.target_locale.get_display_name()},
                )
        context = self.get_context_data(**kwargs)
        context["form"] = form
        return self.render_to_response(context)

    def enabled_translations(self):
        return self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        )

    @transaction.atomic
    def form_valid(self, form):
        publish = form.cleaned_data["publish_translations"]
        # wagtail-localize's own steps (new source text, machine translation, components)
        # without its publication of everything.
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        if not publish:
            return response
        for translation in self.enabled_translations():
            complete = is_complete(translation)
            with contextlib.suppress(ValidationError):
                translation.save_target(user=self.request.user, publish=complete)
            if not complete:
                strings, translated = translation_progress(translation)
                messages.warning(
                    self.request,
                    _(
                        "Version %(language)s enregistrée en brouillon, pas publiée : "
                        "%(count)s texte(s) restent à traduire."
                    )
                    % {
                        "language": translation.target_locale.get_display_name(),
                        "count": strings - translated,
                    },
                )
        return response


def refuse_incomplete_publication(request, page):
    """``before_edit_page``: the translation editor's "Publish" needs every string.

    Returns a redirect back to the editor with a message when strings are missing, and
    nothing otherwise (wagtail-localize's editor then carries on as usual).
    """
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .first()
    )
    if translation is None or is_complete(translation):
        return None
    strings, translated = translation_progress(translation)
    messages.error(
        request,
        _(
            "Cette traduction n'est pas publiée : %(count)s texte(s) restent à traduire. "
            "Publier maintenant mettrait du texte français sur le site anglais."
        )
        % {"count": strings - translated},
    )
    return redirect(request.get_full_path())
