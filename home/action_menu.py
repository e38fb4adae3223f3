"""The editor's main buttons, for what the person at the page came to do.

Wagtail puts "Enregistrer le brouillon" first whatever the page's state, and the review
actions in the dropdown beside it. Here (``construct_page_action_menu``, Wagtail's hook
for the page action menu):

- on a page under review, for whoever may review it: "Approuver et publier" (or
  "Approuver" before a further step) is the main button and "Demander des
  modifications" stands next to it; the rest (save the draft, approve with a comment...)
  stays in the dropdown;
- on a draft with a publication date still to come, for whoever may publish: the main
  button is Wagtail's "Programmer pour publication". Saving the draft keeps the date as
  a wish only (the page then reads "Brouillon" in listings); scheduling is publishing.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import ActionMenuItem, PublishMenuItem, WorkflowMenuItem


class ReviewActionsMenuItem(ActionMenuItem):
    """Approve (the main button) and request changes, side by side.

    Both stay Wagtail's own workflow buttons (their ``data-workflow-action-name`` is what
    Wagtail's workflow script acts on); this item only renders them together."""

    template_name = "home/admin/review_actions.html"

    def __init__(self, approve, reject):
        super().__init__(order=approve.order)
        self.approve = approve
        self.reject = reject
        self.name = approve.name

    def is_shown(self, context):
        # Its two items were shown already: the menu only holds those.
        return True

    def render_html(self, parent_context):
        return render_to_string(
            self.template_name,
            {
                "approve": self.approve.render_html(parent_context),
                "reject": self.reject.render_html(parent_context) if self.reject else "",
            },
        )

    @property
    def media(self):
        media = self.approve.media
        return media + self.reject.media if self.reject else media


def _workflow_item(menu_items, name, launch_modal):
    return next(
        (
            item
            for item in menu_items
            if isinstance(item, WorkflowMenuItem)
            and item.name == name
            and item.launch_modal == launch_modal
        ),
        None,
    )


def _publishes(page):
    """Whether approving the page's current task publishes it (Wagtail's own rule for
    its "… and Publish" label)."""
    state = page.current_workflow_state
    return (
        state is not None
        and state.is_at_final_task
        and not getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False)
    )


def main_actions_first(menu_items, request, context):
    """``construct_page_action_menu``: see the module docstring."""
    page = context.get("page")
    # The task's plain approval (no comment asked) and its request for changes (which
    # asks for a comment in a dialog).
    approve = _workflow_item(menu_items, "approve", launch_modal=False)
    if approve is not None:
        with_comment = _workflow_item(menu_items, "approve", launch_modal=True)
        if _publishes(page):
            # Wagtail's French reads " Approuver et Publier" (leading space, capital).
            approve.label = _("Approuver et publier")
            if with_comment is not None:
                with_comment.label = _("Approuver avec un commentaire et publier")
        reject = _workflow_item(menu_items, "reject", launch_modal=True)
        menu_items.remove(approve)
        if reject is not None:
            menu_items.remove(reject)
        menu_items.insert(0, ReviewActionsMenuItem(approve, reject))
        return
    go_live_at = getattr(page, "go_live_at", None)
    if go_live_at is None or go_live_at <= timezone.now():
        return
    publish = next((item for item in menu_items if isinstance(item, PublishMenuItem)), None)
    if publish is not None:
        menu_items.remove(publish)
        menu_items.insert(0, publish)
