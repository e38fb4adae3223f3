"""The task queue (``home.background``): retries with growing delays, a task that keeps
failing shown to the team with its error and tried again from the report, tasks left
running by a killed worker queued again, periodic tasks queued once per slot whatever
the number of workers. The real database backend and worker, under a frozen clock."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from home import mail
from home.background import periodic
from home.background.models import OutgoingEmail, PeriodicTaskRun
from home.background.tasks import queued, requeue_interrupted, requeue_stale
from home.background.worker import run_pending_tasks
from tests.factories.portal import TeamMemberFactory, TranslatorFactory
from tests.smtp import MailServer

pytestmark = pytest.mark.django_db

START = datetime.datetime(2030, 6, 3, 7, 0, tzinfo=datetime.UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def queue_an_email():
    mail.send(
        [
            (
                "lou.garnier@exemple.example",
                "fr",
                "merchant_portal/emails/password_reset",
                {"link": "https://commerces.agglo.example/lien/", "hours_valid": 24},
            )
        ]
    )
    return queued().get(task_path="home.mail.deliver_emails")


def test_a_failing_task_is_tried_again_later_and_later_then_shown_to_the_team(
    client, frozen, stored_tasks, mail_port
):
    task = queue_an_email()
    delays = []
    for _attempt in range(12):
        run_pending_tasks()
        task.refresh_from_db()
        if task.status == "FAILED":
            break
        delays.append(task.run_after - datetime.datetime.now(tz=datetime.UTC))
        frozen.move_to(task.run_after)
    # 30 s, then four times longer each time, up to 6 hours; 12 attempts in all.
    assert [delay.total_seconds() for delay in delays] == [
        30,
        120,
        480,
        1920,
        7680,
        21600,
        21600,
        21600,
        21600,
        21600,
        21600,
    ]
    assert task.status == "FAILED" and len(task.worker_ids) == 12
    assert OutgoingEmail.objects.get().attempts == 12  # the email still waits

    team_member = TeamMemberFactory()
    client.force_login(team_member)
    report = client.get(reverse("failing_tasks_report"))
    html = report.content.decode()
    assert report.status_code == 200
    assert "deliver_emails" in html
    assert "Échec : plus de nouvel essai" in html
    assert "MailServerUnavailable: ConnectionRefusedError" in html
    assert "1 courriel attend d'être remis au serveur de messagerie." in html
    assert "lou.garnier" not in html  # no personal data in the report

    with MailServer(mail_port) as server:
        response = client.post(reverse("failing_tasks_retry", args=[task.pk]))
        assert response.status_code == 302
        run_pending_tasks()
        (message,) = server.messages
    assert message["To"] == "lou.garnier@exemple.example"
    assert "https://commerces.agglo.example/lien/" in message.get_content()
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert "deliver_emails" not in client.get(reverse("failing_tasks_report")).content.decode()


def test_the_failing_tasks_report_is_the_teams(client, stored_tasks):
    client.force_login(TranslatorFactory())
    assert client.get(reverse("failing_tasks_report")).status_code in (302, 403)
    assert client.post(reverse("failing_tasks_retry", args=[queue_an_email().pk])).status_code in (
        302,
        403,
    )
    assert queued().get().status == "READY"  # untouched


def claim(task, worker_id, when):
    with time_machine.travel(when, tick=False):
        task.claim(worker_id)


def test_a_task_left_running_by_a_killed_worker_runs_again(frozen, stored_tasks, mail_port):
    task = queue_an_email()
    claim(task, "web-1", START)  # then the worker was killed

    assert requeue_interrupted("web-2") == 0  # another worker's: not ours to judge
    assert requeue_interrupted("web-1") == 1
    task.refresh_from_db()
    assert task.status == "READY"
    with MailServer(mail_port) as server:
        run_pending_tasks()
        assert len(server.messages) == 1
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL" and len(task.worker_ids) == 2


def test_a_task_whose_worker_went_silent_runs_again_after_the_timeout(
    frozen, stored_tasks, settings
):
    settings.TASK_RUNNING_TIMEOUT = 3600
    task = queue_an_email()
    claim(task, "host-gone", START)
    frozen.shift(datetime.timedelta(minutes=59))
    assert requeue_stale() == 0
    frozen.shift(datetime.timedelta(minutes=2))
    assert requeue_stale() == 1
    task.refresh_from_db()
    assert task.status == "READY"


def test_a_task_that_keeps_killing_its_worker_is_given_up(frozen, stored_tasks):
    task = queue_an_email()
    for attempt in range(12):
        claim(task, "web-1", START + datetime.timedelta(minutes=attempt))
        requeue_interrupted("web-1")
        task.refresh_from_db()
    assert task.status == "FAILED"
    assert task.exception_class_path == "home.background.tasks.Interrupted"


def test_periodic_tasks_are_queued_once_per_slot_whatever_the_workers(frozen, stored_tasks):
    queued_first = periodic.queue_due_tasks()
    assert set(queued_first) == {
        "publish_scheduled",
        "prune_task_results",
        "refresh_opening_periods",
        "purge_call_collect",
        "reconcile_search_index",
        "refresh_event_occurrences",
        "send_workshop_reminders",
        "purge_workshop_registrations",
        "send_verification_reminders",
    }
    # A second worker looking at the same moment queues nothing.
    assert periodic.queue_due_tasks() == []
    frozen.shift(datetime.timedelta(minutes=1))
    assert periodic.queue_due_tasks() == ["publish_scheduled"]
    frozen.shift(datetime.timedelta(minutes=9))
    assert sorted(periodic.queue_due_tasks()) == ["publish_scheduled", "reconcile_search_index"]
    # Workers stopped for three hours: each task once on starting again, not once a slot.
    frozen.shift(datetime.timedelta(hours=3))
    assert sorted(periodic.queue_due_tasks()) == ["publish_scheduled", "reconcile_search_index"]
    # 04:00 in Paris (02:00 UTC in June): the opening periods are refreshed.
    frozen.move_to(datetime.datetime(2030, 6, 4, 2, 0, 30, tzinfo=datetime.UTC))
    assert "refresh_opening_periods" in periodic.queue_due_tasks()
    assert PeriodicTaskRun.objects.get(name="refresh_opening_periods").last_due_at == (
        datetime.datetime(2030, 6, 4, 2, 0, tzinfo=datetime.UTC)
    )


def test_scheduled_publication_happens_without_cron(frozen, stored_tasks):
    page = Page.objects.get(locale__language_code="fr", depth=3, slug="actualites").specific
    page.title = "Actualités de l'agglomération"
    revision = page.save_revision()
    revision.approved_go_live_at = START + datetime.timedelta(seconds=30)
    revision.save()
    assert Page.objects.get(pk=page.pk).title != "Actualités de l'agglomération"

    frozen.shift(datetime.timedelta(minutes=1))
    periodic.queue_due_tasks()
    run_pending_tasks()

    assert Page.objects.get(pk=page.pk).title == "Actualités de l'agglomération"
    publish = queued().get(task_path="home.background.tasks.publish_scheduled_pages")
    assert publish.status == "SUCCESSFUL"


def test_team_sees_the_report_in_the_reports_menu(stored_tasks):
    client = Client()
    client.force_login(TeamMemberFactory())
    assert (
        reverse("failing_tasks_report")
        in client.get(reverse("wagtailadmin_home")).content.decode()
    )
