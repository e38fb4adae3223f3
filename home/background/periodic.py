"""Periodic tasks, queued by the worker when their time comes (instead of cron lines).

Apps register theirs from ``AppConfig.ready()``::

    periodic.register("refresh_opening_periods", refresh_task, periodic.daily(hour=4))

Each schedule has time slots (every N minutes, or once a day at a local time). A worker
that finds a slot due queues the task once, whatever the number of workers: the slot is
recorded in ``PeriodicTaskRun`` in the transaction that queues the task, by an update
that only one worker can win. A worker that was stopped for a while queues each task
once on starting again, not once per missed slot.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from home.background.models import PeriodicTaskRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Every:
    """Slots every ``interval``, counted from midnight UTC."""

    interval: timedelta

    def last_slot(self, now):
        epoch = datetime(2000, 1, 1, tzinfo=UTC)
        return epoch + ((now - epoch) // self.interval) * self.interval


@dataclass(frozen=True)
class Daily:
    """One slot a day at ``at``, local time (``TIME_ZONE``)."""

    at: time

    def last_slot(self, now):
        local = timezone.localtime(now)
        slot = timezone.make_aware(datetime.combine(local.date(), self.at))
        if slot > now:
            slot = timezone.make_aware(datetime.combine(local.date() - timedelta(days=1), self.at))
        return slot


def every(*, minutes):
    return Every(timedelta(minutes=minutes))


def daily(*, hour, minute=0):
    return Daily(time(hour, minute))


@dataclass(frozen=True)
class PeriodicTask:
    name: str
    task: object  # a home.background.tasks.BackgroundTask
    schedule: object  # Every or Daily


_registry = {}


def register(name, task, schedule):
    """Queue ``task`` (no arguments) at each slot of ``schedule``."""
    _registry[name] = PeriodicTask(name, task, schedule)


def registered():
    return list(_registry.values())


def queue_due_tasks(now=None):
    """Queue each periodic task whose latest slot has not been queued yet; returns the
    names queued. Safe to call from every worker at once."""
    now = now or timezone.now()
    queued = []
    for periodic in registered():
        due = periodic.schedule.last_slot(now)
        with transaction.atomic():
            won = PeriodicTaskRun.objects.filter(name=periodic.name, last_due_at__lt=due).update(
                last_due_at=due
            )
            if not won:
                try:
                    with transaction.atomic():
                        PeriodicTaskRun.objects.create(name=periodic.name, last_due_at=due)
                except IntegrityError:
                    continue  # already queued for this slot, by us or another worker
            periodic.task.enqueue()
        queued.append(periodic.name)
        logger.info("Periodic task %s queued for %s.", periodic.name, due.isoformat())
    return queued
