"""The opening hours editor: rows a shopkeeper fills without knowing the OpenStreetMap
syntax, the text mode with its suggestion, and the bad input each gets one message."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from merchants import hours_reading
from merchants.opening_hours import PARIS
from tests.portal.conftest import fresh

pytestmark = pytest.mark.django_db

DAYS = ["mo", "tu", "we", "th", "fr", "sa", "su"]
# A Tuesday morning in Paris: the shop below is open.
NOW = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)
URL = "merchant_portal:hours"


@pytest.fixture(autouse=True)
def fixed_time():
    with time_machine.travel(NOW, tick=False):
        yield


def rows_data(week, *, holidays="closed", exceptions=(), **extra):
    """The editor's fields: ``week`` maps a day to its (opens, closes) pairs."""
    data = {"action": "save", "holidays": holidays, "closed_from": "", "closed_until": ""}
    data["closure_message"] = ""
    for key in DAYS:
        ranges = week.get(key, [])
        if ranges:
            data[f"{key}-open"] = "on"
        data[f"{key}-shown"] = str(max(2, len(ranges)))
        for number, (opens, closes) in enumerate(ranges, start=1):
            data[f"{key}-{number}-opens"] = opens
            data[f"{key}-{number}-closes"] = closes
    data["exceptions"] = str(len(exceptions) + 1)
    for index, (day, state, ranges) in enumerate(exceptions):
        data[f"exception-{index}-date"] = day
        data[f"exception-{index}-state"] = state
        for number, (opens, closes) in enumerate(ranges, start=1):
            data[f"exception-{index}-{number}-opens"] = opens
            data[f"exception-{index}-{number}-closes"] = closes
    data.update(extra)
    return data


SPLIT = [("06:30", "13:00"), ("15:30", "19:30")]
SPLIT_WEEK = dict.fromkeys(["tu", "we", "th", "fr", "sa"], SPLIT)


def text(response):
    return " ".join(response.content.decode().split())


def test_split_hours_with_a_holiday_closure_are_saved_as_osm_and_shown_live(
    client, client_a, merchant_a
):
    response = client_a.post(
        reverse(URL),
        rows_data(SPLIT_WEEK, exceptions=[("2026-12-26", "closed", [])]),
    )

    assert response.status_code == 302
    page = fresh(merchant_a)
    assert page.opening_hours == ("Tu-Sa 06:30-13:00,15:30-19:30; PH off; 2026 Dec 26 off")
    assert page.live_revision.as_object().opening_hours == page.opening_hours
    public = text(client.get(page.get_url()))
    assert "06:30" in public and "19:30" in public
    assert "Ouvert" in public
    # The editor shows the rows again, filled.
    editor = client_a.get(reverse(URL)).content.decode()
    assert 'name="tu-1-opens" value="06:30"' in editor
    assert 'name="sa-2-closes" value="19:30"' in editor


def test_copy_to_the_following_days_fills_them_without_saving(client_a, merchant_a):
    before = merchant_a.opening_hours
    data = rows_data({"tu": SPLIT}, action="copy:tu")

    response = client_a.post(reverse(URL), data)

    assert response.status_code == 200
    content = response.content.decode()
    for key in ["we", "th", "fr", "sa", "su"]:
        assert f'name="{key}-2-opens" value="15:30"' in content
    assert 'name="mo-1-opens" value="06:30"' not in content
    assert fresh(merchant_a).opening_hours == before


def test_hours_typed_in_words_get_one_message_and_a_suggestion_to_use(client_a, merchant_a):
    before = merchant_a.opening_hours
    typed = "mardi-samedi 6h30-13h, 15h30-19h30"

    response = client_a.post(
        reverse(URL),
        {"action": "save_text", "opening_hours": typed, "closed_from": "", "closed_until": ""},
    )

    assert response.status_code == 200
    content = text(response)
    message = "Ces horaires ne sont pas écrits au format OpenStreetMap."
    assert content.count(message) == 1
    assert "Horaires illisibles" not in content
    assert content.count("Tu-Sa 06:30-13:00,15:30-19:30") == 2  # shown once, and sent back
    assert "Utiliser cette suggestion" in content
    assert typed in content  # what was typed is kept
    assert fresh(merchant_a).opening_hours == before

    # The suggestion goes into the rows; publishing them saves it.
    response = client_a.post(
        reverse(URL),
        {
            "action": "use_suggestion",
            "suggestion": "Tu-Sa 06:30-13:00,15:30-19:30",
            "opening_hours": typed,
        },
    )
    content = response.content.decode()
    assert 'name="sa-2-opens" value="15:30"' in content
    assert fresh(merchant_a).opening_hours == before


def test_english_merchant_reads_the_message_in_english(client_a, merchant_a):
    with translation.override("en"):
        url = reverse(URL)
    response = client_a.post(
        url,
        {
            "action": "save_text",
            "opening_hours": "lundi 9h-12h",
            "closed_from": "",
            "closed_until": "",
        },
    )
    content = text(response)
    assert content.count("These hours are not written in the OpenStreetMap format.") == 1
    assert "Mo 09:00-12:00" in content
    assert "Ces horaires" not in content


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ({"tu": [("09:00", "12:00"), ("11:00", "14:00")]}, "se chevauchent"),
        ({"tu": [("12:00", "09:00")]}, None),
        ({"tu": [("09:00", "25:00")]}, "« 25:00 » n&#x27;est pas une heure"),
        ({"tu": [("09:00", "")]}, "indiquez aussi l&#x27;heure de fermeture"),
    ],
)
def test_bad_ranges_are_refused_with_one_message_and_nothing_changes(
    client_a, merchant_a, week, message
):
    before = (merchant_a.opening_hours, merchant_a.live_revision_id)

    response = client_a.post(reverse(URL), rows_data(week))

    assert response.status_code == 200
    content = response.content.decode()
    errors = re.findall(r'class="portal-field__error hours-day__errors"[^>]*>(.*?)</ul>', content)
    assert len(errors) == 1, errors
    if message:
        assert message in errors[0]
        assert content.count(message) == 1
    # What was typed is kept, and nothing is saved.
    assert f'value="{week["tu"][0][0]}"' in content
    page = fresh(merchant_a)
    assert (page.opening_hours, page.live_revision_id) == before


def test_a_range_crossing_midnight_is_allowed(client_a, merchant_a):
    response = client_a.post(reverse(URL), rows_data({"fr": [("20:00", "02:00")]}))
    assert response.status_code == 302
    assert fresh(merchant_a).opening_hours == "Fr 20:00-02:00; PH off"


def test_an_empty_week_asks_for_confirmation_then_says_closed(client, client_a, merchant_a):
    before = merchant_a.opening_hours
    response = client_a.post(reverse(URL), rows_data({}))
    assert response.status_code == 200
    assert text(response).count("Vous n&#x27;avez coché aucun jour d&#x27;ouverture.") == 1
    assert fresh(merchant_a).opening_hours == before

    response = client_a.post(reverse(URL), rows_data({}, empty_week="closed"))
    assert response.status_code == 302
    page = fresh(merchant_a)
    assert page.opening_hours != before
    assert hours_reading.open_periods(page.opening_hours, NOW.date()) == []
    assert "Fermé" in text(client.get(page.get_url()))


def test_hours_the_rows_cannot_show_open_in_text_mode_and_stay_intact(client_a, merchant_a):
    expert = "Mo-Fr 09:00-12:00; week 1-53/2 Sa 10:00-12:00"
    client_a.post(
        reverse(URL),
        {"action": "save_text", "opening_hours": expert, "closed_from": "", "closed_until": ""},
    )
    assert fresh(merchant_a).opening_hours == expert

    editor = client_a.get(reverse(URL)).content.decode()
    assert expert in editor
    assert 'name="mo-1-opens"' not in editor  # no rows that would rewrite it

    # Rows sent anyway (an old page, a script) are refused: the text is kept.
    response = client_a.post(reverse(URL), rows_data(SPLIT_WEEK))
    assert response.status_code == 200
    assert "le tableau ne sait pas" in response.content.decode()
    assert fresh(merchant_a).opening_hours == expert


def test_the_preview_follows_the_rows_without_saving(client_a, merchant_a):
    before = merchant_a.opening_hours
    response = client_a.post(
        reverse(URL),
        rows_data({"mo": [("07:15", "11:45")]}, action="preview"),
        HTTP_X_HOURS_PREVIEW="1",
    )
    assert response.status_code == 200
    content = text(response)
    assert "07:15" in content and "11:45" in content
    assert "<form" not in content  # only the preview, for the script to put in place
    assert fresh(merchant_a).opening_hours == before
