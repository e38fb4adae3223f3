"""The site's logs: one line per event, text on a developer's machine, JSON lines in
production (``LOG_FORMAT=json|text``).

Every line carries the request id (``request_id``: the ``X-Request-ID`` header nginx
sends, or one made by django-guid, returned in the response's ``X-Request-ID``), and,
inside a background task, the task's name and id and the id of the request that queued
it (``home.background``). Residents' email addresses and phone numbers never reach a
log: they are masked in every line (message and traceback), whoever logged them.

A settings helper: imports no app, so ``LOGGING`` can be built before they load.
"""

import logging
import re
from contextlib import contextmanager
from contextvars import ContextVar

from django_guid.context import guid
from pythonjsonlogger.json import JsonFormatter

# The background task running in this thread: (name, id), or None.
_task = ContextVar("site_cms_task", default=None)

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# French numbers as people type them (04 75 12 34 56, 04.75.12.34.56, +33 4 75 12 34 56,
# 0475123456) and other international numbers (+44 20 7946 0958).
PHONE = re.compile(
    r"(?<![\w.:-])(?:(?:\+|00)33[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?![\w])"
    r"|(?<![\w.:-])\+\d{1,3}(?:[\s.-]?\d){6,12}(?![\w])"
)


def redact(text):
    """``text`` with email addresses and phone numbers masked."""
    return PHONE.sub("[téléphone]", EMAIL.sub("[courriel]", text))


def current_request_id():
    """The id of the request (or of the request that queued the task) being served."""
    return guid.get() or ""


@contextmanager
def task_context(name, task_id, request_id):
    """Log lines inside name the task, its id and the request that queued it."""
    task_token = _task.set((name, task_id))
    guid_token = guid.set(request_id or None)
    try:
        yield
    finally:
        guid.reset(guid_token)
        _task.reset(task_token)


class ContextFilter(logging.Filter):
    """Adds ``request_id`` (and ``task``, ``task_id`` inside a task) to every record."""

    def filter(self, record):
        record.request_id = current_request_id()
        task = _task.get()
        if task is not None and not hasattr(record, "task"):
            record.task, record.task_id = task
        return True


class TextFormatter(logging.Formatter):
    def format(self, record):
        line = super().format(record)
        task = getattr(record, "task", None)
        return redact(f"{line} [task {task}]" if task else line)


class JsonLinesFormatter(JsonFormatter):
    """One JSON object per line: timestamp, level, logger, message, request_id, and
    what the caller passed in ``extra`` (path, status, duration_ms, task...)."""

    def format(self, record):
        return redact(super().format(record))


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def logging_config(log_format="text", level="INFO"):
    """The ``LOGGING`` setting: everything to the console (stderr), as ``log_format``."""
    if log_format not in ("text", "json"):
        raise ValueError(f"LOG_FORMAT must be json or text, not {log_format!r}.")
    formatters = {
        "text": {"()": TextFormatter, "fmt": TEXT_FORMAT},
        "json": {
            "()": JsonLinesFormatter,
            "fmt": "%(levelname)s %(name)s %(message)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": True,
            "json_ensure_ascii": False,
        },
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": ContextFilter}},
        "formatters": {log_format: formatters[log_format]},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["context"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # django-guid tells at INFO of every request whether it had an id.
            "django_guid": {"level": "WARNING"},
        },
    }
