"""Emails that follow the team's decisions in the Wagtail admin.

- The team is told of a merchant's submission by Wagtail itself (the group approval
  task notifies the "Communication" group, in each member's admin language).
- The merchant's accounts are told here when the team approves or asks for changes,
  in each account's language, with the reviewer's comment: only for reviews that a
  merchant started from the portal.
- When the team publishes a page created by the "list my shop" form, its contact
  person is invited to the portal (a step of ``home.publication``).
"""

import logging

from django.dispatch import receiver
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from merchants.models import MerchantPage
from merchants.portal import accounts, emails
from merchants.portal.models import ListingRequest, MerchantAccount
from merchants.portal.profile import rejected_task_state

logger = logging.getLogger(__name__)


def _merchant_review(workflow_state):
    """The merchant page of a review a merchant started, or None."""
    # The workflow state points at the base Page; the specific page says its type.
    page = workflow_state.content_object.specific
    if not isinstance(page, MerchantPage) or workflow_state.requested_by_id is None:
        return None
    started_by_merchant = MerchantAccount.objects.filter(
        user_id=workflow_state.requested_by_id, merchant=page
    ).exists()
    return page if started_by_merchant else None


@receiver(workflow_approved, sender=WorkflowState)
def tell_merchant_changes_approved(sender, instance, **kwargs):
    page = _merchant_review(instance)
    if page is not None:
        emails.notify_changes_approved(MerchantPage.objects.get(pk=page.pk))


@receiver(workflow_rejected, sender=WorkflowState)
def tell_merchant_changes_requested(sender, instance, **kwargs):
    page = _merchant_review(instance)
    if page is None:
        return
    task_state = rejected_task_state(instance)
    emails.notify_changes_requested(page, task_state.get_comment() if task_state else "")


def invite_listed_merchants(batch):
    """Publication step: the first publication of a self-listed shop invites the person
    who asked for it."""
    merchants = batch.of_type(MerchantPage)
    if not merchants:
        return
    listing_requests = ListingRequest.objects.filter(
        page__in=[merchant.pk for merchant in merchants],
        status=ListingRequest.Status.RECEIVED,
    ).select_for_update()
    by_page = {merchant.pk: merchant for merchant in merchants}
    for listing_request in listing_requests:
        _invite(listing_request, by_page[listing_request.page_id])


def _invite(listing_request, page):
    if accounts.email_is_taken(listing_request.contact_email):
        # One person manages one shop: the team decides what to do with this one.
        listing_request.status = ListingRequest.Status.NEEDS_INVITATION
        logger.warning("Listing request %s: contact already has an account.", listing_request.pk)
    else:
        accounts.invite(listing_request.contact_email, page, listing_request.language)
        listing_request.status = ListingRequest.Status.INVITED
    listing_request.save(update_fields=["status"])
