import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
)

from home.models import HomePage


@pytest.fixture
def home_fr(db):
    return HomePage.objects.get(locale=Locale.objects.get(language_code="fr"))


@pytest.fixture
def home_en(db):
    return HomePage.objects.get(locale=Locale.objects.get(language_code="en"))


@pytest.fixture
def wagtail_default_groups(db):
    """Wagtail's "Moderators" and "Editors" groups and "Moderators approval" workflow as
    its first migrations create them, with rights on the whole page tree and every
    collection (made again: ``setup_roles`` retired them when the demo was loaded).
    Returns the groups."""
    root = Page.get_first_root_node()
    collection = Collection.get_first_root_node()
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for name, page_rights in [
        ("Moderators", ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]),
        ("Editors", ["add_page", "change_page"]),
    ]:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for codename in page_rights:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=Permission.objects.get(codename=codename)
            )
        for codename in ["add_image", "change_image", "choose_image", "add_document"]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(codename=codename),
            )
        groups[name] = group
    workflow = Workflow.objects.get(name="Moderators approval")
    workflow.active = True
    workflow.save()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    task = GroupApprovalTask.objects.get(name="Moderators approval")
    task.active = True
    task.save()
    task.groups.add(groups["Moderators"])
    return groups
