"""The public forms' markup in their error state: what assistive technology is pointed
at (``aria-describedby``) exists, and the password rules are really in it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.portal.conftest import PASSWORD, profile_data

pytestmark = pytest.mark.django_db

# Block elements a <p> cannot hold: the browser closes the paragraph before them.
BLOCKS = ["ul", "ol", "div", "p", "table", "section", "fieldset", "form", "h2", "h3"]


def _missing_descriptions(html):
    soup = BeautifulSoup(html, "html.parser")
    ids = {element["id"] for element in soup.find_all(id=True)}
    missing = []
    for element in soup.find_all(attrs={"aria-describedby": True}):
        missing += [
            (element.get("name") or element.get("id") or element.name, reference)
            for reference in element["aria-describedby"].split()
            if reference not in ids
        ]
    return missing


def _error_pages(client, account):
    """(name, response) of every public form page, each submitted with errors."""
    anonymous = [
        ("listing", reverse("merchant_listing:request"), {"title": "", "email": "pas-un-mail"}),
        ("login", reverse("merchant_portal:login"), {"username": "x", "password": ""}),
        ("password reset", reverse("merchant_portal:password_reset"), {"email": "pas-un-mail"}),
    ]
    for name, url, data in anonymous:
        yield name, client.post(url, data)
    client.force_login(account.user)
    merchant = account.merchant
    signed_in = [
        (
            "password change",
            reverse("merchant_portal:password_change"),
            {"old_password": "faux", "new_password1": "court", "new_password2": "autre"},
        ),
        (
            "profile",
            reverse("merchant_portal:profile"),
            profile_data(merchant, title="", email="pas-un-mail", website="pas une adresse"),
        ),
        (
            "hours",
            reverse("merchant_portal:hours"),
            {
                "opening_hours": "Mo-Sa 25:00-99:00",
                "closed_from": "2030-08-20",
                "closed_until": "2030-08-01",
                "closure_message": "",
            },
        ),
    ]
    for name, url, data in signed_in:
        yield name, client.post(url, data)


def test_every_described_by_id_exists_on_form_pages_in_their_error_state(client, account_a):
    seen = []
    for name, response in _error_pages(client, account_a):
        html = response.content.decode()
        assert response.status_code == 200, name
        # Really the error state: the summary is there.
        assert 'class="portal-errors' in html, name
        seen.append(name)
        assert _missing_descriptions(html) == [], name
    assert len(seen) == 6


def test_described_by_names_ids_that_exist_for_hidden_fields_with_help_text():
    """Django adds ``aria-describedby="<id>_helptext"`` to any field with a help text;
    a hidden one has no visible help text to point at."""
    from django import forms
    from django.template import Context, Template

    class Form(forms.Form):
        token = forms.CharField(widget=forms.HiddenInput, help_text="Jeton")
        name = forms.CharField(help_text="Votre nom")

    form = Form(data={"token": "", "name": ""})
    form.is_valid()
    html = Template(
        '{% load form_tags %}{% form_field form.token "portal" %}{% form_field form.name %}'
    ).render(Context({"form": form}))
    assert _missing_descriptions(html) == []
    assert 'aria-describedby="id_name_error id_name_helptext"' in html


def test_password_rules_are_inside_the_element_the_password_field_names(client, account_a):
    client.force_login(account_a.user)
    response = client.post(
        reverse("merchant_portal:password_change"),
        {"old_password": PASSWORD, "new_password1": "court", "new_password2": "court"},
    )

    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find("input", attrs={"name": "new_password1"})
    described = [soup.find(id=ref) for ref in field["aria-describedby"].split()]
    help_text = next(element for element in described if element["id"].endswith("_helptext"))
    # A browser would close a <p> before the list, leaving the rules outside it.
    assert help_text.name != "p"
    assert help_text.find_parent("p") is None
    rules = [item.get_text(strip=True) for item in help_text.find_all("li")]
    assert len(rules) >= 2
    assert any("caractères" in rule for rule in rules)
    for paragraph in soup.find_all("p"):
        assert paragraph.find(BLOCKS) is None, paragraph
