"""Untranslated French never reaches a live English page; translators see what is stale."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from home.models import StaleTranslation
from home.translation.guard import live_translations_kept
from merchants.models import MerchantPage
from tests.factories.portal import TranslatorFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_FRENCH = "Nouveau : soirées dégustation le premier vendredi du mois, sur réservation."
NEW_ENGLISH = "New: tasting evenings on the first Friday of the month, booking required."


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def cave(db):
    return MerchantPage.objects.get(external_id="demo-003", locale__language_code="fr")


@pytest.fixture
def cave_en(cave, english):
    return cave.get_translation(english)


@pytest.fixture
def changed_cave(cave, django_capture_on_commit_callbacks):
    """The French page published with a new description nobody has translated yet."""
    cave.description = NEW_FRENCH
    with django_capture_on_commit_callbacks(execute=True):
        cave.save_revision().publish()
    return cave


def source_of(page):
    return TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)


def translate_new_strings(source, locale):
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data == NEW_FRENCH:
            StringTranslation.objects.create(
                translation_of=segment.string,
                context=segment.context,
                locale=locale,
                data=NEW_ENGLISH,
            )


def fresh(page):
    return MerchantPage.objects.get(pk=page.pk)


def update_translations(client, source, publish):
    """Post "Update existing translations"; wagtail-localize publishes on commit."""
    from django.test import TestCase

    data = {"publish_translations": "on"} if publish else {}
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), data)


def test_publishing_an_update_with_untranslated_text_saves_a_draft_only(
    admin_client, changed_cave, cave_en
):
    english_description = cave_en.description

    response = update_translations(admin_client, source_of(changed_cave), publish=True)

    assert response.status_code == 302
    english = fresh(cave_en)
    assert english.description == english_description
    assert english.has_unpublished_changes
    assert english.get_latest_revision_as_object().description == NEW_FRENCH
    page = admin_client.get(english.url).content.decode()
    assert "soirées dégustation" not in page
    messages = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 texte(s) restent à traduire" in messages


def test_publishing_a_complete_update_publishes_it(admin_client, changed_cave, cave_en, english):
    source = source_of(changed_cave)
    source.update_from_db()
    translate_new_strings(source, english)

    update_translations(admin_client, source, publish=True)

    english_page = fresh(cave_en)
    assert english_page.description == NEW_ENGLISH
    assert not english_page.has_unpublished_changes
    # Caught up with its source: no longer listed as stale.
    assert not StaleTranslation.objects.filter(page=cave_en).exists()


def test_translation_editor_refuses_to_publish_untranslated_text(
    admin_client, changed_cave, cave_en
):
    source = source_of(changed_cave)
    source.update_from_db()
    english_description = cave_en.description

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[cave_en.pk]), {"action": "publish"}
    )

    assert response.status_code == 302
    assert fresh(cave_en).description == english_description
    edit = admin_client.get(response.url).content.decode()
    assert "1 texte(s) restent à traduire" in edit


def test_a_draft_of_a_live_translation_stays_a_draft(changed_cave, cave_en, english):
    english_description = cave_en.description
    source = source_of(changed_cave)
    source.update_from_db()

    with live_translations_kept():
        source.create_or_update_translation(english, publish=False, fallback=True)

    english_page = fresh(cave_en)
    assert english_page.description == english_description
    assert english_page.get_latest_revision_as_object().description == NEW_FRENCH


def test_without_the_guard_wagtail_localize_writes_the_live_page(changed_cave, cave_en, english):
    """The pitfall the guard exists for (wagtail-localize 1.14)."""
    source = source_of(changed_cave)
    source.update_from_db()

    source.create_or_update_translation(english, publish=False, fallback=True)

    assert fresh(cave_en).description == NEW_FRENCH


def test_publishing_updates_needs_the_right_to_publish_the_translation(
    client, changed_cave, cave_en
):
    """``submit_translation`` alone lets someone refresh the text to translate, not
    publish English pages."""
    user = UserFactory(username="stagiaire")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    client.force_login(user)
    english_description = cave_en.description

    response = update_translations(client, source_of(changed_cave), publish=True)

    assert response.status_code == 200
    assert "pas le droit de publier la traduction (Anglais)" in response.content.decode()
    english_page = fresh(cave_en)
    assert english_page.description == english_description
    assert not english_page.has_unpublished_changes

    # Without publishing, the same person may still take the new text for translation.
    assert update_translations(client, source_of(changed_cave), publish=False).status_code == 302


def test_translators_may_publish_updates_of_english_pages(client, changed_cave, cave_en, english):
    client.force_login(TranslatorFactory())
    source = source_of(changed_cave)
    source.update_from_db()
    translate_new_strings(source, english)

    assert update_translations(client, source, publish=True).status_code == 302
    assert fresh(cave_en).description == NEW_ENGLISH


def test_stale_translations_report_and_dashboard(client, changed_cave, cave_en):
    translator = TranslatorFactory()
    client.force_login(translator)

    report = client.get(reverse("stale_translations_report")).content.decode()
    assert "Cave des Coteaux Granitiques" in report
    assert reverse("wagtailadmin_pages:edit", args=[cave_en.pk]) in report
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "1 traduction à mettre à jour" in dashboard

    export = client.get(reverse("stale_translations_report") + "?export=csv")
    assert export.status_code == 200
    assert "Cave des Coteaux Granitiques" in b"".join(export.streaming_content).decode()


def test_stale_translations_report_is_for_translators(client, changed_cave):
    user = UserFactory(username="visiteur-admin")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(reverse("stale_translations_report"))

    assert response.status_code in (302, 403)
