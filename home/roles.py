"""The site's roles and review workflows, set up idempotently (``setup_roles``).

- "Communication": writes and publishes pages, news and interviews, manages snippets,
  images and documents, reviews merchants' changes, invites merchants, reads the reports
  (Wagtail's own included: workflows, site history... see ``home.admin_access``).
- "Traduction": edits and publishes the English tree with wagtail-localize; sees the
  translations to update, and nothing that lists people (merchants' accounts are their
  email addresses).
- Review workflows the feature apps register (``register_review_workflow``):
  "Relecture éditoriale" on the news listings, "Validation des fiches commerçants" on
  the merchant directory (every language); the models and reports the team manages
  (``register_team_models``, ``register_team_permissions``) likewise.
- Wagtail's own "Moderators" and "Editors" groups (its first migration gives them rights
  on the whole page tree and every collection) lose every right, and go when nobody is in
  them; its "Moderators approval" workflow on the root page, then reviewed by nobody, is
  deactivated: pages outside news and the directory are published by those who may.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.admin_access import PERMISSIONS as REPORT_PERMISSIONS

COMMUNICATION = "Communication"
TRANSLATION = "Traduction"
EDITORIAL_WORKFLOW = "Relecture éditoriale"
MERCHANT_WORKFLOW = "Validation des fiches commerçants"

COMMUNICATION_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]
TRANSLATION_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
# Snippets and settings the communications team manages: (app label, model names).
# Feature apps add theirs (``register_team_models``).
COMMUNICATION_MODELS = [("home", ["footercontent", "sitesettings"])]
# The reports the communications team reads: (app label, codename); Wagtail's own
# (workflows, site history...) require the permissions of ``home.admin_access``.
# Feature apps add theirs (``register_team_permissions``).
COMMUNICATION_REPORTS = [tuple(permission.split(".")) for permission in REPORT_PERMISSIONS]


@dataclass(frozen=True)
class ReviewWorkflow:
    """A workflow whose one task the communications team reviews, on the pages
    ``pages()`` returns (and their descendants)."""

    name: str
    task_name: str
    pages: object  # callable() -> pages


_team_models = []
_team_permissions = []
_workflows = {}


def register_team_models(app_label, model_names):
    """The communications team may add, change and delete these models (snippets)."""
    _team_models.append((app_label, list(model_names)))


def register_team_permissions(app_label, *codenames):
    """The communications team gets these permissions (reports, promotions...)."""
    _team_permissions.extend((app_label, codename) for codename in codenames)


def register_review_workflow(name, task_name, pages):
    """A review workflow on the pages ``pages()`` returns, reviewed by the team."""
    _workflows[name] = ReviewWorkflow(name, task_name, pages)


# Created by Wagtail's first migration, with rights nobody here meant (see above).
WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


# Permissions that Wagtail and wagtail-localize create in data migrations, on content
# types of their own: a flushed database (browser tests flush between tests) keeps the
# model permissions, which post_migrate recreates, but loses these.
MIGRATION_PERMISSIONS = {
    ("wagtailadmin", "access_admin"): ("admin", "Can access Wagtail admin"),
    ("wagtail_localize", "submit_translation"): ("translation", "Can submit translations"),
}


def _permission(app_label, codename):
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None and (app_label, codename) in MIGRATION_PERMISSIONS:
        model, name = MIGRATION_PERMISSIONS[(app_label, codename)]
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
    if permission is None:
        raise Permission.DoesNotExist(f"{app_label}.{codename}")
    return permission


def _model_permissions(app_label, model_names):
    permissions = []
    for model_name in model_names:
        content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
        if content_type is None:
            continue
        permissions += Permission.objects.filter(
            content_type=content_type,
            codename__in=[f"{action}_{model_name}" for action in ("add", "change", "delete")],
        )
    return permissions


def _page_permissions(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _workflow(name, task_name, group, pages):
    workflow, _ = Workflow.objects.get_or_create(name=name)
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.add(group)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in pages:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return workflow


def retire_wagtail_default_groups():
    """Take every right from Wagtail's "Moderators" and "Editors" groups and delete them;
    a group someone is still in is kept, empty, and returned so that the command can say
    who to move. Its default workflow, left without reviewers, is deactivated."""
    kept = []
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        GroupPagePermission.objects.filter(group=group).delete()
        GroupCollectionPermission.objects.filter(group=group).delete()
        group.permissions.clear()
        for task in GroupApprovalTask.objects.filter(groups=group):
            task.groups.remove(group)
        if group.user_set.exists():
            kept.append(group)
        else:
            group.delete()
    for workflow in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True):
        tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow)
        if not tasks.filter(groups__isnull=False).exists():
            workflow.deactivate()
            for task in tasks.filter(active=True):
                task.deactivate()
    return kept


@transaction.atomic
def setup_roles():
    """Create or complete the groups, their permissions and the workflows; retire
    Wagtail's default groups (``retire_wagtail_default_groups``)."""
    admin_access = _permission("wagtailadmin", "access_admin")
    root_collection = Collection.get_first_root_node()

    communication, _ = Group.objects.get_or_create(name=COMMUNICATION)
    communication.permissions.add(admin_access)
    for app_label, model_names in [*COMMUNICATION_MODELS, *_team_models]:
        communication.permissions.add(*_model_permissions(app_label, model_names))
    communication.permissions.add(
        *(
            _permission(app_label, codename)
            for app_label, codename in [*COMMUNICATION_REPORTS, *_team_permissions]
        )
    )
    for home in Page.objects.filter(depth=2):
        _page_permissions(communication, home, COMMUNICATION_PAGE_PERMISSIONS)
    for app_label, codename in COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=communication,
            collection=root_collection,
            permission=_permission(app_label, codename),
        )

    translation, _ = Group.objects.get_or_create(name=TRANSLATION)
    translation.permissions.add(
        admin_access, _permission("wagtail_localize", "submit_translation")
    )
    default_locale = Locale.get_default()
    for home in Page.objects.filter(depth=2).exclude(locale=default_locale):
        _page_permissions(translation, home, TRANSLATION_PAGE_PERMISSIONS)
    for app_label, codename in COLLECTION_PERMISSIONS:
        if codename.startswith("choose"):
            GroupCollectionPermission.objects.get_or_create(
                group=translation,
                collection=root_collection,
                permission=_permission(app_label, codename),
            )

    for workflow in _workflows.values():
        _workflow(workflow.name, workflow.task_name, communication, workflow.pages())
    retire_wagtail_default_groups()
    return communication, translation


def load(stdout):
    """Demo loader: the roles come last, once every page they apply to exists."""
    setup_roles()
    stdout.write("Roles and workflows ready.")
