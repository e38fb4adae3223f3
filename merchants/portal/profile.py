"""What the portal does to a merchant's page: always through Wagtail revisions.

The merchant's changes are one pending change: the page's latest revision, reviewed in
at most one workflow state at a time.

- ``save_changes``: the changes join the pending change. The merchant's own pending
  revision is overwritten (Wagtail's ``save_revision(overwrite_revision=...)``, as its
  editor does for one person's successive saves), so a description, two photos and a
  new logo make one revision, not four; a review in progress goes on and looks at the
  newest content, nobody is notified again.
- ``send_for_review``: "Envoyer pour validation", once the merchant is done: starts the
  page's workflow ("Validation des fiches commerçants"), or resumes it after a request
  for changes (Wagtail then asks the reviewers again). Nothing happens if a review is
  already in progress.
- ``withdraw``: the merchant takes back a submission; the changes stay pending.
- ``publish_no_approval_fields``: opening hours, temporary closure and the "checked on"
  date go live at once (a closed shop cannot wait for a reviewer) without touching what
  waits for review (``home.translation.publishing.publish_fields``).
- ``profile_status``: what the dashboard says about the profile, read from Wagtail's
  workflow and task states.

The reviewers' email is Wagtail's own (the group approval task notifies the
"Communication" group, each member in their admin language; see
``WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS`` in the settings and the greeting in
``home/templates/wagtailadmin/notifications/base.txt``): one per submission, since a
submission is no longer cancelled and restarted by each save.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import TaskState, WorkflowState

from home.translation.publishing import lock_page, publish_fields
from merchants.models import MerchantPage

logger = logging.getLogger(__name__)

# Published as soon as the merchant saves them (see the module docstring).
NO_APPROVAL_FIELDS = (
    "opening_hours",
    "closed_from",
    "closed_until",
    "closure_message",
    "last_verified",
)


class ReviewUnavailable(Exception):
    """No workflow applies to the page: the revision is kept but nobody is asked to review."""


def latest_version(page):
    """The newest version of the profile: pending changes if any, else the live page."""
    return page.get_latest_revision_as_object()


def active_workflow_state(page):
    return (
        WorkflowState.objects.active()
        .for_instance(page)
        .select_related("current_task_state")
        .first()
    )


def _own_pending_revision(page, user):
    """The revision ``user``'s next save may overwrite: the page's latest revision if it
    is pending (not the live one), theirs, and not the record of a finished review
    (what the team rejected, or a withdrawn submission, stays as it was)."""
    latest = page.latest_revision
    if latest is None or latest.pk == page.live_revision_id or latest.user_id != user.pk:
        return None
    finished = TaskState.objects.filter(revision=latest).exclude(
        status=TaskState.STATUS_IN_PROGRESS
    )
    return None if finished.exists() else latest


def _review_follows(page):
    """A review in progress looks at the newest revision (what approving publishes)."""
    state = active_workflow_state(page)
    task_state = state.current_task_state if state else None
    latest_id = type(page).objects.filter(pk=page.pk).values_list("latest_revision", flat=True)[0]
    if (
        task_state is not None
        and task_state.status == TaskState.STATUS_IN_PROGRESS
        and task_state.revision_id != latest_id
    ):
        task_state.revision_id = latest_id
        task_state.save(update_fields=["revision"])


def save_changes(page, changes, user):
    """Apply ``changes`` (a callable that receives the newest version and returns the
    version to save) to the pending change, without asking for a review. Returns the
    revision. If ``changes`` raises, nothing is saved."""
    with transaction.atomic():
        page = lock_page(page)
        version = changes(latest_version(page))
        revision = version.save_revision(
            user=user,
            log_action=True,
            overwrite_revision=_own_pending_revision(page, user),
        )
        _review_follows(page)
    return revision


def send_for_review(page, user, changes=None):
    """Save ``changes`` if given, then ask for the review of the pending change (see the
    module docstring). Raises ``ReviewUnavailable`` (after saving) if no workflow
    applies to the page."""
    with transaction.atomic():
        if changes is not None:
            save_changes(page, changes, user)
        reviewed = request_review(lock_page(page), user)
    if not reviewed:
        raise ReviewUnavailable


def withdraw(page, user):
    """Cancel the review in progress or waiting for the merchant's corrections; the
    changes stay pending. Returns whether there was one."""
    with transaction.atomic():
        state = active_workflow_state(lock_page(page))
        if state is None:
            return False
        state.cancel(user=user)
    return True


def request_review(page, user):
    """Start or resume the page's workflow (``page`` locked by the caller); False when
    none applies. Nothing happens if a review is already in progress."""
    workflow_state = active_workflow_state(page)
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            workflow_state.resume(user)
        return True
    workflow = page.get_workflow()
    if workflow is None:
        logger.error("No workflow applies to page %s: run setup_roles.", page.pk)
        return False
    workflow.start(page, user)
    return True


@transaction.atomic
def publish_no_approval_fields(page, values, user):
    """Put ``values`` (some of ``NO_APPROVAL_FIELDS``) live now, on the page and its
    live translations, and in the pending change.

    Translations get the hours and dates when the French page is published (they are
    synchronised fields, see ``home.translation.sync``) and keep their own translated
    closure message.
    """
    unknown = set(values) - set(NO_APPROVAL_FIELDS)
    if unknown:
        raise ValueError(f"Not published without approval: {sorted(unknown)}")

    def apply(version):
        changed = False
        for name, value in values.items():
            if getattr(version, name) != value:
                setattr(version, name, value)
                changed = True
        return changed

    publish_fields(page, apply, user=user)
    _review_follows(page)
    return MerchantPage.objects.get(pk=page.pk)


@dataclass(frozen=True)
class ProfileStatus:
    """What the dashboard tells the merchant about their profile."""

    # Templates compare with ProfileStatus.PENDING...: the class must not be called.
    do_not_call_in_templates = True
    PUBLISHED = "published"
    PENDING = "pending"
    CHANGES_REQUESTED = "changes_requested"
    NOT_SUBMITTED = "not_submitted"
    NOT_PUBLISHED = "not_published"

    state: str
    live: bool
    submitted_at: object = None
    reviewed_at: object = None
    comment: str = ""
    last_published_at: object = None

    @property
    def can_send(self):
        """ "Envoyer pour validation" applies: changes saved but not under review."""
        return self.state in (self.NOT_SUBMITTED, self.CHANGES_REQUESTED)

    @property
    def can_withdraw(self):
        return self.state in (self.PENDING, self.CHANGES_REQUESTED)

    @property
    def has_pending_changes(self):
        return self.state in (self.NOT_SUBMITTED, self.PENDING, self.CHANGES_REQUESTED)


def profile_status(page):
    """Read the profile's state from Wagtail's workflow and task states (two queries)."""
    return status_from(page, active_workflow_state(page))


def status_from(page, workflow_state):
    """``profile_status`` from the page's active workflow state (with its current task
    state), for callers that read several pages' states in one query."""
    common = {"live": page.live, "last_published_at": page.last_published_at}
    if workflow_state is not None:
        task_state = workflow_state.current_task_state
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES and task_state:
            return ProfileStatus(
                ProfileStatus.CHANGES_REQUESTED,
                submitted_at=workflow_state.created_at,
                reviewed_at=task_state.finished_at,
                comment=task_state.comment,
                **common,
            )
        return ProfileStatus(
            ProfileStatus.PENDING,
            submitted_at=task_state.started_at if task_state else workflow_state.created_at,
            **common,
        )
    if page.has_unpublished_changes:
        return ProfileStatus(ProfileStatus.NOT_SUBMITTED, **common)
    if not page.live:
        return ProfileStatus(ProfileStatus.NOT_PUBLISHED, **common)
    return ProfileStatus(ProfileStatus.PUBLISHED, **common)


def rejected_task_state(workflow_state):
    """The task state in which the team asked for changes, with its comment."""
    task_state = workflow_state.current_task_state
    if task_state is not None and task_state.status == TaskState.STATUS_REJECTED:
        return task_state.specific
    return None
