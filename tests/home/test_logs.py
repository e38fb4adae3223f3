"""Logs: JSON lines in production (timestamp, level, logger, request id, path, status,
duration), the request id returned in ``X-Request-ID`` and carried into the logs of the
tasks the request queued, and no resident's email address or phone number anywhere."""

import datetime
import io
import json
import logging

import pytest
import time_machine
from django.test import Client

from home.background.worker import run_pending_tasks
from site_cms.logs import ContextFilter, JsonLinesFormatter, logging_config
from tests.collect.conftest import NOW, book_url, booking_data, demo_merchant
from tests.smtp import MailServer

pytestmark = pytest.mark.django_db

REQUEST_ID = "0f5c2b7e9a3d4c1b8e6f7a2d3c4b5a69"


@pytest.fixture
def json_log():
    """Every record of every logger, at DEBUG, formatted as production does."""
    config = logging_config("json", "DEBUG")["formatters"]["json"]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        JsonLinesFormatter(
            fmt=config["fmt"],
            rename_fields=config["rename_fields"],
            timestamp=True,
            json_ensure_ascii=False,
        )
    )
    handler.addFilter(ContextFilter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_a_request_is_one_json_line_with_its_id(client, json_log):
    response = client.get("/actualites/", HTTP_X_REQUEST_ID=REQUEST_ID)
    assert response.status_code == 200
    assert response["X-Request-ID"] == REQUEST_ID
    (line,) = [entry for entry in lines(json_log) if entry["logger"] == "site_cms.requests"]
    assert line["level"] == "INFO"
    assert line["request_id"] == REQUEST_ID
    assert (line["method"], line["path"], line["status"]) == ("GET", "/actualites/", 200)
    assert line["duration_ms"] >= 0
    assert datetime.datetime.fromisoformat(line["timestamp"])


def test_a_request_without_a_valid_id_gets_a_new_one(client):
    first = client.get("/", HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    second = client.get("/")
    assert len(first["X-Request-ID"]) == 32 and "<" not in first["X-Request-ID"]
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_signed_links_are_not_logged_in_full(client, json_log):
    client.get("/retrait/demande/Mw:1abcde:secret-signature-value/")
    (line,) = [entry for entry in lines(json_log) if entry["logger"] == "site_cms.requests"]
    assert "secret-signature-value" not in line["path"]


@pytest.fixture
def cheese_shop(monkeypatch):
    monkeypatch.setattr("merchants.open_periods.current_time", lambda: NOW)
    return demo_merchant(2)


RESIDENT = {
    "booking-name": "Lou Garnier",
    "booking-phone": "04 65 71 20 30",
    "booking-email": "lou.garnier@exemple.example",
}
TRACES = [
    "lou.garnier",
    "exemple.example",
    "04 65 71 20 30",
    "0465712030",
    "+33465712030",
    "465712030",
    "Garnier",
]


def test_a_booking_leaves_no_personal_data_in_the_logs_and_its_id_reaches_the_task(
    client, cheese_shop, stored_tasks, mail_port, json_log
):
    with time_machine.travel(NOW, tick=False) as frozen:
        response = client.post(
            book_url(cheese_shop), booking_data(**RESIDENT), HTTP_X_REQUEST_ID=REQUEST_ID
        )
        assert response.status_code == 302
        run_pending_tasks()  # the mail server is down: errors, tracebacks, retries
        with MailServer(mail_port) as server:
            frozen.shift(datetime.timedelta(minutes=1))
            run_pending_tasks()
            assert len(server.messages) == 2

    # The site's lines, not the test's SMTP server's (aiosmtpd logs what it receives).
    entries = [entry for entry in lines(json_log) if not entry["logger"].startswith("mail.")]
    logged = json.dumps(entries, ensure_ascii=False)
    for trace in TRACES:
        assert trace not in logged, trace
    in_task = [entry for entry in entries if entry.get("task") == "deliver_emails"]
    assert {entry["request_id"] for entry in in_task} == {REQUEST_ID}
    assert any(entry["message"].startswith("Email ") for entry in in_task)
    assert any("Connection refused" in entry.get("exc_info", "") for entry in entries)


def test_an_address_or_a_phone_logged_by_mistake_is_masked(json_log):
    logging.getLogger("site_cms.tests").warning(
        "Résident %s, %s, %s", "lou.garnier@exemple.example", "04 65 71 20 30", "+44 20 7946 0958"
    )
    (entry,) = lines(json_log)
    assert entry["message"] == "Résident [courriel], [téléphone], [téléphone]"


def test_text_logs_carry_the_request_id(client, caplog):
    text = logging_config("text")["formatters"]["text"]["fmt"]
    assert "%(request_id)s" in text
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        logging_config("yaml")
    assert Client().get("/healthz").status_code == 200
