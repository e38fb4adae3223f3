"""Telling translators that a French page they translated has changed."""

import logging

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.users.models import UserProfile

from home.mail import absolute_url, send
from home.roles import TRANSLATION

logger = logging.getLogger(__name__)


def translators():
    """Active members of the "Traduction" group who have an email address."""
    return (
        get_user_model()
        .objects.filter(groups__name=TRANSLATION, is_active=True)
        .exclude(email="")
        .distinct()
    )


def notify_translators(page, source, translations, strings_to_translate):
    """One email per translator, in their admin language, with the links they need."""
    context = {
        "page": page,
        "strings_to_translate": strings_to_translate,
        "update_url": absolute_url(
            reverse("wagtail_localize:update_translations", args=[source.pk])
        ),
        "translations": [
            {
                "language": translation.locale.get_display_name(),
                "title": translation.title,
                "edit_url": absolute_url(
                    reverse("wagtailadmin_pages:edit", args=[translation.pk])
                ),
            }
            for translation in translations
        ],
        "report_url": absolute_url(reverse("stale_translations_report")),
    }
    messages = [
        (
            member.email,
            UserProfile.get_for_user(member).get_preferred_language(),
            "home/emails/translation_stale",
            context,
        )
        for member in translators()
    ]
    if not messages:
        logger.warning("Page %s changed: nobody in the translation group to tell.", page.pk)
    return send(messages)
