"""The worker: django-tasks-db's ``Worker``, plus what a site that must lose nothing needs.

- On starting, it puts back in the queue the tasks that the previous worker with the
  same id was running when it was killed (``tasks.requeue_interrupted``).
- It outlives its database: when PostgreSQL restarts (or SQLite is locked for long),
  django-tasks-db's loop raises and the process would exit; this one waits, reconnects
  (``CONN_HEALTH_CHECKS``) and goes on.
- A thread queues the periodic tasks when they are due (``periodic.py``) and requeues
  tasks whose worker went silent for too long (``tasks.requeue_stale``).
"""

import logging
import threading
import time

from django.db import close_old_connections, connections
from django.db.utils import InterfaceError, OperationalError
from django_tasks_db.management.commands import db_worker

from home.background import periodic, tasks

logger = logging.getLogger(__name__)
DATABASE_ERRORS = (OperationalError, InterfaceError)
# Seconds between two looks at the periodic tasks' schedules.
SCHEDULER_INTERVAL = 10
MAX_RECONNECT_DELAY = 30


class Worker(db_worker.Worker):
    def __init__(self, *, periodic_tasks=True, **kwargs):
        super().__init__(**kwargs)
        self.periodic_tasks = periodic_tasks
        self._stopped = threading.Event()

    def recover(self):
        requeued = tasks.requeue_interrupted(self.worker_id)
        if requeued:
            logger.warning("%d interrupted task(s) queued again.", requeued)

    def run(self):
        delay = 1
        scheduler = None
        try:
            while True:
                try:
                    self.recover()
                    if self.periodic_tasks and scheduler is None and not self.batch:
                        scheduler = threading.Thread(
                            target=self.schedule, name="periodic-tasks", daemon=True
                        )
                        scheduler.start()
                    return super().run()
                except DATABASE_ERRORS as error:
                    if not self.running:
                        raise
                    logger.warning(
                        "Database unavailable (%s: %s): the worker tries again in %d s.",
                        error.__class__.__name__,
                        str(error).strip()[:300],
                        delay,
                    )
                    for connection in connections.all(initialized_only=True):
                        connection.close_if_unusable_or_obsolete()
                    time.sleep(delay)
                    delay = min(delay * 2, MAX_RECONNECT_DELAY)
        finally:
            self._stopped.set()

    def schedule(self):
        """The scheduler thread (its own database connection)."""
        while not self._stopped.is_set():
            try:
                close_old_connections()
                periodic.queue_due_tasks()
                tasks.requeue_stale()
            except DATABASE_ERRORS as error:
                logger.warning("Periodic tasks not queued (%s): trying again.", error)
            except Exception:
                logger.exception("Periodic tasks not queued.")
            self._stopped.wait(SCHEDULER_INTERVAL)
        connections.close_all()


def run_pending_tasks(worker_id="run-pending-tasks"):
    """Run every task that is due now, in this process, then return (what
    ``manage.py worker --batch`` does; used by tests, which set the clock)."""
    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name=tasks.BACKEND,
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
        periodic_tasks=False,
    ).run()
