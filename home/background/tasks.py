"""Durable background tasks: django-tasks with its database backend (django-tasks-db).

A task is a row in the database (``DBTaskResult``), written by ``.enqueue()`` in the
transaction of the change that causes it: a booking that rolls back leaves no task,
a booking that commits has its task. ``manage.py worker`` runs them (``worker.py``).

What django-tasks does not do (yet: Django's proposal is ``@task(max_attempts=…,
backoff=…)``), this module adds, keeping its model and worker:

- **Retries with backoff.** A failed attempt of a ``background_task`` goes back to
  ``READY`` with ``run_after`` set later (30 s, 2 min, 8 min… up to 6 h), keeping the
  error of the attempt; each attempt appends its worker's id, so ``len(worker_ids)``
  counts them. After ``max_attempts`` the task stays ``FAILED``, and the team sees it,
  with its error, in *Rapports → Tâches en échec* (``report.py``).
- **Recovery.** A worker killed mid-task (SIGKILL, a host that stopped) leaves its task
  ``RUNNING``; the worker started again with the same ``--worker-id`` puts it back in
  the queue (``requeue_interrupted``), and any worker requeues a task running for longer
  than ``TASK_RUNNING_TIMEOUT`` (``requeue_stale``). A task must therefore be safe to run
  again: emails are delivered one by one and each is struck off once the mail server has
  taken it (``home.mail``).
- **The request id** of the request that queued a task is in its log lines.

Wagtail's and modelsearch's own tasks keep the ``default`` backend, which runs them at
once in the request: the database search index and Wagtail's reference index are written
in the transaction of the page they describe (see the README, "Background tasks").
"""

import functools
import io
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.db.models import Min, Q
from django.utils import timezone
from django_tasks import task_backends
from django_tasks.base import Task, TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.backend import DatabaseBackend

from site_cms.logs import current_request_id, task_context

logger = logging.getLogger(__name__)

BACKEND = "background"
# Each retry waits this many times longer than the one before, up to MAX_RETRY_DELAY.
BACKOFF_FACTOR = 4
MAX_RETRY_DELAY = timedelta(hours=6)
REQUEST_ID_ARGUMENT = "_request_id"


class PermanentFailure(Exception):  # noqa: N818 - reads as "raise PermanentFailure(...)"
    """Raised by a task that trying again would not help: no more attempts."""


class Interrupted(Exception):  # noqa: N818
    """The worker stopped (killed, host down) while running the task."""


@dataclass(frozen=True, kw_only=True)
class BackgroundTask(Task):
    """A django-tasks ``Task`` run by the worker, with retries (see the module)."""

    max_attempts: int = 5
    first_retry_delay: timedelta = timedelta(seconds=30)

    def enqueue(self, *args, **kwargs):
        # Task is a slotted dataclass: name it rather than rely on super().
        return Task.enqueue(self, *args, **kwargs, **{REQUEST_ID_ARGUMENT: current_request_id()})

    def retry_delay(self, attempts):
        """How long to wait after the ``attempts``-th failed attempt."""
        delay = self.first_retry_delay * BACKOFF_FACTOR ** max(attempts - 1, 0)
        return min(delay, MAX_RETRY_DELAY)


def background_task(
    function=None,
    *,
    priority=0,
    max_attempts=5,
    first_retry_delay=timedelta(seconds=30),
    queue_name="default",
):
    """Make ``function`` a task of the worker: ``function.enqueue(*args, **kwargs)``
    queues it (JSON arguments: ids, not model instances) in the current transaction."""

    def decorate(function):
        @functools.wraps(function)
        def run(context, *args, **kwargs):
            request_id = kwargs.pop(REQUEST_ID_ARGUMENT, "")
            result = context.task_result
            with task_context(function.__name__, result.id, request_id):
                if context.attempt > 1:
                    logger.info("Attempt %d of task %s.", context.attempt, function.__name__)
                return function(*args, **kwargs)

        # django-tasks reads the signature of the function it runs, which takes the
        # context first; without this it would read the wrapped function's.
        del run.__wrapped__
        return BackgroundTask(
            func=run,
            priority=priority,
            backend=BACKEND,
            queue_name=queue_name,
            run_after=None,
            takes_context=True,
            max_attempts=max_attempts,
            first_retry_delay=first_retry_delay,
        )

    return decorate(function) if function else decorate


def uses_database_backend():
    """Whether background tasks are stored (False where they run at once, in tests)."""
    return isinstance(task_backends[BACKEND], DatabaseBackend)


def _models():
    # Imported when used: tasks are declared (this module imported) while the app
    # registry is still loading models.
    from django_tasks_db import models

    return models.DBTaskResult, models.get_date_max()


def date_max():
    """The ``run_after`` of a task to run as soon as a worker is free."""
    return _models()[1]


def queued():
    """The background tasks of the database backend."""
    return _models()[0].objects.filter(backend_name=BACKEND)


def due_tasks(now=None):
    """Tasks waiting for a worker now (not those deferred to a later retry)."""
    now = now or timezone.now()
    date_max = _models()[1]
    return queued().filter(
        Q(run_after=date_max) | Q(run_after__lte=now), status=TaskResultStatus.READY
    )


def oldest_due(now=None):
    """Since when the task that has waited longest for a worker has waited, or None:
    since it was queued, or since its retry delay ran out."""
    due, date_max = due_tasks(now), _models()[1]
    times = [
        due.filter(run_after=date_max).aggregate(oldest=Min("enqueued_at"))["oldest"],
        due.exclude(run_after=date_max).aggregate(oldest=Min("run_after"))["oldest"],
    ]
    return min((time for time in times if time is not None), default=None)


def attempts_of(result):
    return len(result.worker_ids)


def _task_of(result):
    try:
        return result.task
    except Exception:  # noqa: BLE001 - a task whose code is gone: no retry policy
        return None


def _give_up(result, error_class, message):
    queued().filter(pk=result.pk).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path=f"{error_class.__module__}.{error_class.__qualname__}",
        traceback=message,
    )


def retry_failed_task(sender, task_result, **kwargs):
    """Receiver of ``task_finished``: a failed attempt with attempts left goes back in
    the queue, to run after its backoff delay."""
    db_result = getattr(task_result, "db_result", None)
    if task_result.status != TaskResultStatus.FAILED or db_result is None:
        return
    task = task_result.task
    if not isinstance(task, BackgroundTask):
        return
    attempts = attempts_of(db_result)
    error = task_result.errors[-1] if task_result.errors else None
    permanent = error is not None and error.exception_class_path == (
        f"{PermanentFailure.__module__}.{PermanentFailure.__qualname__}"
    )
    if permanent or attempts >= task.max_attempts:
        logger.error(
            "Task %s (%s) failed after %d attempt(s): %s. It is listed in the failing tasks.",
            task.name,
            task_result.id,
            attempts,
            error.exception_class_path if error else "unknown error",
        )
        return
    delay = task.retry_delay(attempts)
    queued().filter(pk=db_result.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=timezone.now() + delay, finished_at=None
    )
    logger.warning(
        "Task %s (%s) failed (attempt %d of %d, %s): next attempt in %d s.",
        task.name,
        task_result.id,
        attempts,
        task.max_attempts,
        error.exception_class_path if error else "unknown error",
        delay.total_seconds(),
    )


def _requeue(results, why):
    """Put back in the queue tasks whose worker stopped while running them."""
    requeued = 0
    for result in results:
        task = _task_of(result)
        max_attempts = getattr(task, "max_attempts", 1)
        if attempts_of(result) >= max_attempts:
            _give_up(
                result,
                Interrupted,
                f"Interrupted: {why} during attempt {attempts_of(result)} of {max_attempts}.",
            )
            logger.error(
                "Task %s (%s) interrupted (%s), no attempt left.", result.task_name, result.pk, why
            )
            continue
        updated = (
            queued()
            .filter(pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at)
            .update(status=TaskResultStatus.READY, run_after=_models()[1])
        )
        if updated:
            requeued += 1
            logger.warning(
                "Task %s (%s) interrupted (%s): queued again.", result.task_name, result.pk, why
            )
    return requeued


def requeue_interrupted(worker_id):
    """Tasks that the previous worker with this id was running when it stopped (the
    new one starts only once the old one is gone: same id, same machine)."""
    running = [
        result
        for result in queued().filter(status=TaskResultStatus.RUNNING)
        if result.worker_ids and result.worker_ids[-1] == worker_id
    ]
    return _requeue(running, f"worker {worker_id} stopped")


def requeue_stale(now=None):
    """Tasks running for longer than ``TASK_RUNNING_TIMEOUT``: their worker is gone."""
    now = now or timezone.now()
    stale = queued().filter(
        status=TaskResultStatus.RUNNING,
        started_at__lt=now - timedelta(seconds=settings.TASK_RUNNING_TIMEOUT),
    )
    return _requeue(list(stale), "no news for too long")


def retry_now(results):
    """Queue failed tasks again, to run at once (the team's "retry" button): one more
    attempt each, after which a task that fails again is listed again. Returns how many."""
    return results.filter(status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=_models()[1], finished_at=None
    )


def connect_signals():
    task_finished.connect(retry_failed_task, dispatch_uid="home.background.retry_failed_task")


def command_output(name, *args):
    """Run the management command ``name``; its output (the end of it) is the task's
    result, shown with the task."""
    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=out)
    return out.getvalue().strip()[-2000:]


@background_task(max_attempts=3)
def publish_scheduled_pages():
    """Wagtail's ``publish_scheduled``: pages whose go-live or expiry time has come."""
    return command_output("publish_scheduled")


@background_task(max_attempts=3)
def prune_finished_tasks():
    """Forget successful tasks after a week and failed ones after a month, and the
    emails the mail server refused after a month."""
    # At call time: this module is imported while the models load.
    from home.background.models import OutgoingEmail

    refused = OutgoingEmail.objects.filter(
        refused_at__lt=timezone.now() - timedelta(days=30)
    ).delete()[0]
    output = command_output(
        "prune_db_task_results",
        "--backend",
        BACKEND,
        "--queue-name",
        "*",
        "--min-age-days",
        "7",
        "--failed-min-age-days",
        "30",
    )
    return f"{output} Refused emails deleted: {refused}."
