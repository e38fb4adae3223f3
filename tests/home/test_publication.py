"""One publication pipeline (``home.publication``): an import, a portal hours change, a
workflow approval and an admin publication all have the same after-effects."""

import io
import json
import zoneinfo

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale

from home import publication
from home.models import StaleTranslation
from merchants.exports import COLUMNS
from merchants.models import MerchantPage, OpenPeriod
from search.models import IndexedPage
from tests.factories.portal import MerchantAccountFactory, TranslatorFactory
from tests.portal.conftest import profile_data, review
from tests.search.conftest import backend_for

pytestmark = pytest.mark.django_db

NEW_PHONE = "+33465710077"
NEW_HOURS = "Mo-Su 05:00-23:30"
NEW_TEXT = "Nouveauté : kouign-amann et brioches vendéennes chaque dimanche."


@pytest.fixture
def merchant():
    """A French merchant with a live English translation (demo-003)."""
    return MerchantPage.objects.get(external_id="demo-003", locale__language_code="fr")


@pytest.fixture
def english(merchant):
    return merchant.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def translator():
    return TranslatorFactory(email="traduction@agglo.example")


def by_import(merchant, tmp_path, **_fixtures):
    path = tmp_path / "update.json"
    record = {
        "external_id": merchant.external_id,
        "name": merchant.title,
        "commune": merchant.commune.insee_code,
        "description": NEW_TEXT,
        "phone": NEW_PHONE,
        "opening_hours": NEW_HOURS,
    }
    path.write_text(json.dumps([record]), encoding="utf-8")
    out = io.StringIO()
    call_command("import_merchants", str(path), stdout=out, stderr=io.StringIO())
    assert "1 mis à jour" in out.getvalue()


def by_admin(merchant, **_fixtures):
    page = MerchantPage.objects.get(pk=merchant.pk)
    page.description, page.phone, page.opening_hours = NEW_TEXT, NEW_PHONE, NEW_HOURS
    page.save_revision().publish()


def by_workflow_approval(merchant, client, team_client, **_fixtures):
    account = MerchantAccountFactory(merchant=merchant, user__username="c@commerces.example")
    client.force_login(account.user)
    data = profile_data(merchant, description=NEW_TEXT, phone=NEW_PHONE)
    assert client.post(reverse("merchant_portal:profile"), data).status_code == 302
    review(team_client, merchant, "approve")
    client.post(
        reverse("merchant_portal:hours"),
        {"opening_hours": NEW_HOURS, "closed_from": "", "closed_until": "", "closure_message": ""},
    )


def by_portal_hours(merchant, client, **_fixtures):
    account = MerchantAccountFactory(merchant=merchant, user__username="d@commerces.example")
    client.force_login(account.user)
    response = client.post(
        reverse("merchant_portal:hours"),
        {"opening_hours": NEW_HOURS, "closed_from": "", "closed_until": "", "closure_message": ""},
    )
    assert response.status_code == 302


@pytest.fixture
def team_client(db):
    from django.test import Client

    from tests.factories.portal import TeamMemberFactory

    team = Client()
    team.force_login(TeamMemberFactory())
    return team


@pytest.mark.parametrize(
    ("publish", "text_changes"),
    [
        (by_import, True),
        (by_admin, True),
        (by_workflow_approval, True),
        (by_portal_hours, False),
    ],
    ids=["import", "admin", "workflow-approval", "portal-hours"],
)
def test_every_way_of_publishing_has_the_same_after_effects(
    publish,
    text_changes,
    merchant,
    english,
    translator,
    client,
    team_client,
    tmp_path,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    OpenPeriod.objects.filter(merchant=merchant).delete()
    with django_capture_on_commit_callbacks(execute=True):
        publish(merchant, client=client, team_client=team_client, tmp_path=tmp_path)

    french = MerchantPage.objects.get(pk=merchant.pk)
    english = MerchantPage.objects.get(pk=english.pk)
    # Facts reached the English page, its English text is untouched.
    assert english.opening_hours == NEW_HOURS
    assert NEW_TEXT not in english.description
    # "Open now" follows: periods stored from the new hours (open at 05:00 every day).
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    opens = [
        period.opens_at.astimezone(paris).strftime("%H:%M") for period in french.open_periods.all()
    ]
    assert opens.count("05:00") >= 10, opens  # the first one may start in the window
    # The index holds the versions just published, in every backend.
    for page in (french, english):
        assert set(
            IndexedPage.objects.filter(page=page).values_list("live_revision", flat=True)
        ) == {page.live_revision_id}
    if text_changes:
        assert english.phone == NEW_PHONE
        assert french.external_id in {
            found.external_id for found in backend_for("database").search("kouign", MerchantPage)
        }
        # The English page is out of date, and the translators are told once.
        assert StaleTranslation.objects.filter(page=english, source_page=french).exists()
        to_translators = [m for m in mailoutbox if translator.email in m.to]
        assert len(to_translators) == 1
    else:
        assert not StaleTranslation.objects.filter(page=english).exists()
        assert not [m for m in mailoutbox if translator.email in m.to]


def test_an_import_runs_each_step_once_for_the_whole_batch(tmp_path, monkeypatch):
    calls = []
    for step in publication.registered_steps():
        if step.published:

            def spy(batch, step=step, original=step.published):
                calls.append((step.name, len(batch.pages)))
                return original(batch)

            monkeypatch.setitem(
                publication._steps, step.name, publication.Step(step.name, step.order, spy)
            )
    rows = [
        f"batch-{number},Épicerie numéro {number},Épicerie fine,26347,,26600,,,,,,,,,"
        for number in range(40)
    ]
    path = tmp_path / "batch.csv"
    path.write_text("\n".join([",".join(COLUMNS), *rows]) + "\n", encoding="utf-8")
    call_command("import_merchants", str(path), stdout=io.StringIO())
    names = [name for name, _count in calls]
    assert names == [step.name for step in publication.registered_steps() if step.published]
    assert {count for _name, count in calls} == {40}


def test_steps_run_in_their_declared_order():
    orders = [step.order for step in publication.registered_steps()]
    assert orders == sorted(orders)
    names = [step.name for step in publication.registered_steps()]
    assert names.index("translation_facts") < names.index("translation_text")
    assert names.index("translation_text") < names.index("open_periods")
    assert names.index("open_periods") < names.index("search_translations")
    assert names[-1] == "page_caches"  # purged once everything is written
