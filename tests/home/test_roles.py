import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from home.roles import (
    COMMUNICATION,
    EDITORIAL_WORKFLOW,
    MERCHANT_WORKFLOW,
    TRANSLATION,
    setup_roles,
)
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def _member(group_name, username):
    user = get_user_model().objects.create_user(username, password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_setup_roles_is_idempotent():
    before = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
    )
    setup_roles()
    after = (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
    )
    assert before == after


def test_workflows_cover_news_and_directory_in_every_language():
    news_workflows = {page.get_workflow().name for page in NewsIndexPage.objects.all()}
    assert news_workflows == {EDITORIAL_WORKFLOW}
    article = NewsPage.objects.get(slug="un-marche-de-noel-sur-les-deux-rives")
    assert article.get_workflow().name == EDITORIAL_WORKFLOW
    directories = Page.objects.filter(slug__in=["commerces", "shops"]).specific()
    assert {page.get_workflow().name for page in directories} == {MERCHANT_WORKFLOW}


def test_communication_can_publish_everywhere():
    editor = _member(COMMUNICATION, "redaction")
    for page in Page.objects.filter(depth=2):
        assert page.permissions_for_user(editor).can_publish()
    assert editor.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("news.change_topic")
    # The reports and promoted search results are theirs too.
    assert editor.has_perm("search.view_searchterm")
    assert editor.has_perm("call_collect.view_call_collect_report")
    assert editor.has_perm("wagtailsearchpromotions.add_searchpromotion")


def test_translators_edit_only_the_english_tree():
    translator = _member(TRANSLATION, "traduction")
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    french_home = Page.objects.get(depth=2, locale__language_code="fr")
    assert english_home.permissions_for_user(translator).can_publish()
    assert not french_home.permissions_for_user(translator).can_edit()
    assert (
        not NewsPage.objects.get(slug="un-marche-de-noel-sur-les-deux-rives")
        .permissions_for_user(translator)
        .can_edit()
    )
    assert translator.has_perm("wagtail_localize.submit_translation")
