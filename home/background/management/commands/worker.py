"""``manage.py worker``: runs the background tasks (emails, indexing, periodic tasks).

django-tasks-db's ``db_worker`` with this site's defaults (the ``background`` backend,
every queue, the machine's name as worker id) and what ``home.background.worker`` adds:
recovery of the tasks a killed worker was running, surviving a database restart, and
the periodic tasks. Run one per machine (``deploy/systemd/site_cms-worker.service``);
several on one machine need distinct ``--worker-id`` values, kept from one start to the
next, so that each finds the tasks its previous run left.
"""

import os
import socket

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from home.background.tasks import BACKEND
from home.background.worker import Worker


def default_worker_id():
    return socket.gethostname()[:64] or "worker"


class Command(db_worker.Command):
    help = "Run the site's background tasks (emails, indexing, periodic tasks)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(backend_name=BACKEND, queue_name="*", worker_id=default_worker_id())
        parser.add_argument(
            "--no-periodic",
            action="store_false",
            dest="periodic_tasks",
            help="Do not queue the periodic tasks (another worker does).",
        )

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, batch, **options):
        self.configure_logging(verbosity)
        worker = Worker(
            queue_names=queue_name.split(","),
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            periodic_tasks=options["periodic_tasks"],
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
