"""Scheduled publishing of news (``publish_scheduled`` from cron) and the demo loader."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from wagtail.models import Page, Revision, WorkflowState

from merchants.portal.models import MerchantAccount
from news.models import NewsIndexPage, NewsPage
from tests.factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db
PARIS = datetime.timezone(datetime.timedelta(hours=1))


def test_news_scheduled_for_later_goes_live_when_publish_scheduled_runs():
    index = NewsIndexPage.objects.get(locale__language_code="fr")
    with time_machine.travel(datetime.datetime(2026, 1, 10, 9, 0, tzinfo=PARIS), tick=False):
        article = NewsPageFactory(parent=index, live=False, title="Les vœux du président")
        article.go_live_at = datetime.datetime(2026, 1, 12, 8, 0, tzinfo=PARIS)
        article.save_revision().publish()
        article.refresh_from_db()
        assert not article.live
        assert article.get_latest_revision().approved_go_live_at is not None
        assert not NewsPage.objects.live().filter(pk=article.pk).exists()

    with time_machine.travel(datetime.datetime(2026, 1, 11, 9, 0, tzinfo=PARIS), tick=False):
        call_command("publish_scheduled", stdout=io.StringIO())
        article.refresh_from_db()
        assert not article.live  # not yet

    with time_machine.travel(datetime.datetime(2026, 1, 12, 8, 1, tzinfo=PARIS), tick=False):
        call_command("publish_scheduled", stdout=io.StringIO())
    article.refresh_from_db()
    assert article.live
    assert article.live_revision_id == article.latest_revision_id


def test_load_demo_again_changes_nothing():
    def counts():
        return (
            Page.objects.count(),
            Revision.objects.count(),
            MerchantAccount.objects.count(),
            WorkflowState.objects.count(),
        )

    before = counts()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert counts() == before
    # Two demo accounts, one change waiting for review; no password printed outside DEBUG.
    assert MerchantAccount.objects.count() >= 2
    assert WorkflowState.objects.active().exists()
    assert "password" not in output.getvalue()
