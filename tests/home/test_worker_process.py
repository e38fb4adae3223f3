"""The worker as production runs it (``manage.py worker``, its own process), killed with
SIGKILL in the middle of delivering a booking's emails: started again, it finishes the
task, and nobody gets an email twice. A real SMTP server on loopback (aiosmtpd)."""

import signal

from tests.smtp import MailServer, free_port

QUEUE_A_REQUESTS_EMAILS = """
import json
from merchants.collect import emails
from merchants.collect.models import PickupRequest
from home.background.tasks import queued
request = PickupRequest.objects.get(email="camille.rousset@exemple.example")
emails.notify_new_request(request)
task = queued().get()
print(json.dumps({"task": str(task.pk), "emails": task.args_kwargs["args"][0]}))
"""

TASK_STATE = """
import json
from home.background.models import OutgoingEmail
from home.background.tasks import queued
task = queued().get(task_path="home.mail.deliver_emails")
print(json.dumps({"status": task.status, "attempts": len(task.worker_ids),
                  "waiting": OutgoingEmail.objects.count(), "result": task.return_value}))
"""


def start_worker(site):
    return site.start(
        "worker",
        "--worker-id",
        "web-1",
        "--no-reload",
        "--no-startup-delay",
        "--no-periodic",
        "--interval",
        "0.1",
    )


def test_worker_killed_mid_task_finishes_it_on_restart_without_duplicates(standalone_site):
    port = free_port()
    site = standalone_site(EMAIL_URL=f"smtp://127.0.0.1:{port}", EMAIL_TIMEOUT="10")
    queued = site.python(QUEUE_A_REQUESTS_EMAILS)
    assert len(queued["emails"]) == 2  # the resident's receipt and the bakery's notice

    with MailServer(port) as server:
        # The server takes the first email, then stalls on the second one's recipient:
        # the worker is caught mid-task, one email delivered and one not.
        server.hold(2)
        worker = start_worker(site)
        assert server.wait_until_holding(timeout=120), open(worker.log_path).read()
        assert len(server.messages) == 1
        worker.send_signal(signal.SIGKILL)
        worker.wait(30)
        server.release()
        assert site.python(TASK_STATE)["status"] == "RUNNING"  # left as the worker died

        worker = start_worker(site)  # systemd starts it again, with the same id
        delivered = server.wait_for(2, timeout=120)
        worker.send_signal(signal.SIGTERM)  # stops once its task is finished
        assert worker.wait(60) == 0, open(worker.log_path).read()
        delivered = server.messages

    recipients = sorted(message["To"] for message in delivered)
    assert recipients == ["boulangerie@commerces.example", "camille.rousset@exemple.example"]
    receipt = next(message for message in delivered if "camille" in message["To"])
    assert "Votre demande de rappel à" in str(receipt["Subject"])
    assert "Bonjour Camille Rousset" in receipt.get_body().get_content()
    state = site.python(TASK_STATE)
    assert state == {
        "status": "SUCCESSFUL",
        "attempts": 2,
        "waiting": 0,
        "result": {"delivered": 1, "refused": 0},
    }
    log = open(worker.log_path).read()
    assert "interrupted (worker web-1 stopped): queued again" in log
