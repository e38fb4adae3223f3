import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from home.roles import (
    COMMUNICATION,
    EDITORIAL_WORKFLOW,
    MERCHANT_WORKFLOW,
    TRANSLATION,
    setup_roles,
)
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db
# What Wagtail's reports that list people require (home.admin_access).
REPORT_PERMISSIONS = [
    "wagtailcore.view_workflowstate",
    "wagtailcore.view_taskstate",
    "wagtailcore.view_pagelogentry",
    "wagtailcore.view_revision",
]


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
    # The reports and promoted search results are theirs too, Wagtail's own included.
    assert editor.has_perm("search.view_searchterm")
    for permission in REPORT_PERMISSIONS:
        assert editor.has_perm(permission)
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
    # Wagtail's reports that list people are not theirs (see test_admin_access).
    assert not any(translator.has_perm(permission) for permission in REPORT_PERMISSIONS)


def rights(group):
    """Everything a group may do: page, collection and model permissions."""
    return (
        sorted(
            GroupPagePermission.objects.filter(group=group).values_list(
                "page_id", "permission__codename"
            )
        ),
        sorted(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "collection_id", "permission__codename"
            )
        ),
        sorted(group.permissions.values_list("content_type__app_label", "codename")),
    )


def test_wagtail_default_groups_lose_every_right(wagtail_default_groups):
    """Wagtail's "Moderators" and "Editors" could edit the whole tree and every
    collection: after ``setup_roles`` an empty one is gone, one with a member is kept
    without any right, and the workflow only Moderators reviewed is off. The site's own
    groups keep theirs."""
    member = get_user_model().objects.create_user("ancien-moderateur", password="pw")
    member.groups.add(wagtail_default_groups["Moderators"])
    ours = {name: rights(Group.objects.get(name=name)) for name in (COMMUNICATION, TRANSLATION)}
    assert member.has_perm("wagtailadmin.access_admin")
    assert (
        Page.objects.get(depth=2, locale__language_code="fr")
        .permissions_for_user(member)
        .can_publish()
    )
    out = io.StringIO()

    call_command("setup_roles", stdout=out)

    assert not Group.objects.filter(name="Editors").exists()
    moderators = Group.objects.get(name="Moderators")
    assert rights(moderators) == ([], [], [])
    member = get_user_model().objects.get(pk=member.pk)
    assert not member.has_perm("wagtailadmin.access_admin")
    for page in Page.objects.filter(depth=2):
        assert not page.permissions_for_user(member).can_edit()
    assert not GroupApprovalTask.objects.filter(groups=moderators).exists()
    default_workflow = Workflow.objects.get(name="Moderators approval")
    assert not default_workflow.active
    assert not WorkflowPage.objects.filter(workflow=default_workflow).exists()
    # Pages outside news and the directory: no review, published by those who may.
    assert Page.objects.get(depth=2, locale__language_code="fr").get_workflow() is None
    assert {name: rights(Group.objects.get(name=name)) for name in ours} == ours
    assert "ancien-moderateur" in out.getvalue()

    # Again: nothing changes.
    before = (Group.objects.count(), rights(moderators), ours)
    setup_roles()
    after = (
        Group.objects.count(),
        rights(moderators),
        {name: rights(Group.objects.get(name=name)) for name in ours},
    )
    assert before == after
