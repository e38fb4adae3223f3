import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import WorkflowState

from merchants.models import MerchantPage
from tests.factories.portal import MerchantAccountFactory, TeamMemberFactory

PASSWORD = "mot-de-passe-solide-42"


@pytest.fixture(autouse=True)
def french_by_default():
    """A request to /en/ leaves English active in the test thread; start each test in
    French, as a visitor without a language prefix would."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def demo_merchant(number):
    return MerchantPage.objects.get(external_id=f"demo-{number:03d}", locale__language_code="fr")


@pytest.fixture
def merchant_a(db):
    return demo_merchant(10)


@pytest.fixture
def merchant_b(db):
    return demo_merchant(11)


@pytest.fixture
def account_a(merchant_a):
    return MerchantAccountFactory(merchant=merchant_a, user__username="a@commerces.example")


@pytest.fixture
def account_b(merchant_b):
    return MerchantAccountFactory(
        merchant=merchant_b, user__username="b@commerces.example", language="en"
    )


@pytest.fixture
def client_a(client, account_a):
    client.force_login(account_a.user)
    return client


@pytest.fixture
def team_member(db):
    return TeamMemberFactory()


@pytest.fixture
def team_client(team_member):
    """The communications team in the Wagtail admin (a separate client)."""
    from django.test import Client

    team = Client()
    team.force_login(team_member)
    return team


def fresh(page):
    return MerchantPage.objects.get(pk=page.pk)


def profile_data(merchant, changes=None, **more):
    """The profile form as the portal shows it for ``page``, with ``changes``."""
    from merchants.portal.forms import ProfileForm

    merchant = fresh(merchant)
    version = merchant.get_latest_revision_as_object()
    form = ProfileForm(instance=version, page=merchant)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        elif value is True:
            data[name] = "on"
        else:
            data[name] = str(value)
    for formset in form.formsets.values():
        for key, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{key}"] = str(value)
        for child in formset.initial_forms:
            for name in child.fields:
                # As a browser sends them: empty inputs too (a photo added since the
                # last publication has no id yet), unticked boxes not at all.
                value = child[name].value()
                if value is not False:
                    data[child.add_prefix(name)] = (
                        "on" if value is True else "" if value is None else str(value)
                    )
    data["action"] = "submit"
    data.update(changes or {})
    data.update(more)
    return data


def review(team_client, page, action, comment=""):
    """Approve or request changes ("reject") as the team does in the Wagtail admin."""
    state = WorkflowState.objects.active().for_instance(page).get()
    response = team_client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, action, state.current_task_state_id],
        ),
        {"comment": comment},
    )
    assert response.status_code == 302, response.content[:500]
    return state
