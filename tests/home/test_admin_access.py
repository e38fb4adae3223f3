"""Each group sees exactly the admin areas its job needs, and a translator can open
nothing that lists people: merchants' accounts are their email addresses."""

import json
import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, PageLogEntry
from wagtail.templatetags.wagtailcore_tags import (
    wagtail_feature_release_editor_guide_link,
    wagtail_feature_release_whats_new_link,
)

from home.roles import setup_roles
from merchants.portal.models import MerchantAccount
from tests.factories.images import photo
from tests.factories.portal import (
    MerchantAccountFactory,
    TeamMemberFactory,
    TranslatorFactory,
    UserFactory,
)
from tests.portal.conftest import demo_merchant, fresh, profile_data

pytestmark = pytest.mark.django_db

MERCHANT_EMAIL = "fromagerie.martin@commerces.example"


def merchant_emails():
    """Every merchant account's address (the demo's accounts and the test's own)."""
    return {account.user.email for account in MerchantAccount.objects.select_related("user")}


HELP = {
    ("help", wagtail_feature_release_whats_new_link()),
    ("help", wagtail_feature_release_editor_guide_link()),
    ("help", "#"),
}
COMMUNICATION_MENU = {
    ("", "/admin/pages/"),
    ("", "/admin/snippets/news/topic/"),
    ("", "/admin/snippets/search/searchsynonym/"),  # the search synonyms (search app)
    ("", "/admin/images/"),
    ("", "/admin/documents/"),
    ("directory", "/admin/snippets/merchants/category/"),
    ("directory", "/admin/snippets/merchants/commune/"),
    ("merchant_portal", "/admin/merchant_accounts/"),
    ("merchant_portal", "/admin/listing_requests/"),
    ("reports", "/admin/reports/locked/"),
    ("reports", "/admin/reports/workflow/"),
    ("reports", "/admin/reports/workflow_tasks/"),
    ("reports", "/admin/reports/site-history/"),
    ("reports", "/admin/reports/aging-pages/"),
    ("reports", "/admin/reports/page-types-usage/"),
    ("reports", "/admin/reports/searches-without-results/"),
    ("reports", "/admin/reports/call-and-collect/"),
    ("reports", "/admin/reports/workshop-registrations/"),
    ("reports", "/admin/reports/failing-tasks/"),
    ("reports", "/admin/localize/reports/translations/"),
    ("settings", "/admin/searchpicks/"),
    ("settings", "/admin/settings/home/sitesettings/"),
    ("settings", "/admin/snippets/home/footercontent/"),
    *HELP,
}
TRANSLATION_MENU = {
    ("", "/admin/pages/"),
    ("reports", "/admin/reports/stale-translations/"),
    ("reports", "/admin/localize/reports/translations/"),
    *HELP,
}
# Admin areas that list people (or are the merchants' accounts): not the translators'.
PEOPLE_AREAS = [
    "/admin/reports/workflow/",
    "/admin/reports/workflow/results/",
    "/admin/reports/workflow/?export=csv",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/workflow_tasks/results/",
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/site-history/?export=xlsx",
    "/admin/reports/aging-pages/",
    "/admin/reports/aging-pages/results/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/locked/",
    "/admin/reports/workshop-registrations/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/merchant_accounts/",
    "/admin/listing_requests/",
]


def _unpack(node, seen):
    """A telepath value (Wagtail's sidebar props) as plain lists and dicts."""
    if isinstance(node, list):
        return [_unpack(item, seen) for item in node]
    if not isinstance(node, dict):
        return node
    if "_ref" in node:
        return seen[node["_ref"]]
    if "_type" in node:
        value = {"_type": node["_type"], "_args": _unpack(node["_args"], seen)}
    elif "_val" in node:
        value = node["_val"]
    elif "_list" in node:
        value = _unpack(node["_list"], seen)
    elif "_dict" in node:
        value = {key: _unpack(item, seen) for key, item in node["_dict"].items()}
    else:
        value = {key: _unpack(item, seen) for key, item in node.items()}
    if "_id" in node:
        seen[node["_id"]] = value
    return value


def _menu_items(items, submenu=""):
    for item in items:
        info = item["_args"][0]
        if item["_type"] == "wagtail.sidebar.SubMenuItem":
            assert not submenu, "no submenu within a submenu"
            yield from _menu_items(item["_args"][1], info["name"])
        else:
            yield (submenu, info["url"])


def admin_menu(client):
    """The admin's main menu as the user sees it: (submenu name, address) of each item."""
    response = client.get("/admin/")
    assert response.status_code == 200
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    modules = _unpack(json.loads(props.group(1)), {})["modules"]
    main_menu = next(m for m in modules if m["_type"] == "wagtail.sidebar.MainMenuModule")
    items = list(_menu_items(main_menu["_args"][0]))
    assert len(items) == len(set(items))
    return set(items)


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def merchant_activity():
    """A merchant who did everything a merchant does: submitted changes for review (the
    Workflows report's "Demandé par"), changed the hours (published, in the site
    history), uploaded a photo."""
    merchant = demo_merchant(10)
    account = MerchantAccountFactory(merchant=merchant, user__username=MERCHANT_EMAIL)
    portal = logged_in(account.user)
    response = portal.post(
        reverse("merchant_portal:profile"),
        profile_data(merchant, {"description": "Fromages affinés sur place."}),
    )
    assert response.status_code == 302
    response = portal.post(
        reverse("merchant_portal:photos"),
        {
            "photo": SimpleUploadedFile("p.jpg", photo(size=(800, 600))),
            "alt_text": "La cave",
            "caption": "",
        },
    )
    assert response.status_code == 302
    response = portal.post(
        reverse("merchant_portal:hours"),
        {"opening_hours": "Tu-Sa 09:00-12:30,15:00-19:00", "closed_from": "", "closed_until": ""},
    )
    assert response.status_code == 302
    return fresh(merchant)


def test_communication_menu_is_the_teams_work(merchant_activity):
    assert admin_menu(logged_in(TeamMemberFactory())) == COMMUNICATION_MENU


def test_translation_menu_is_pages_and_translations_only(merchant_activity):
    assert admin_menu(logged_in(TranslatorFactory())) == TRANSLATION_MENU


def test_member_of_a_wagtail_default_group_has_no_admin_at_all(wagtail_default_groups):
    """Wagtail's "Editors" group had page rights on the whole tree: ``setup_roles`` keeps
    it for its member, without any right."""
    member = UserFactory(username="ancien-editeur")
    member.groups.add(wagtail_default_groups["Editors"])
    setup_roles()
    client = logged_in(member)

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    for url in ["/admin/pages/", "/admin/reports/workflow/", "/admin/images/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("wagtailadmin_login")), url


@pytest.mark.parametrize("url", PEOPLE_AREAS)
def test_translator_is_refused_areas_that_list_people(merchant_activity, url):
    response = logged_in(TranslatorFactory()).get(url)

    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")
    assert MERCHANT_EMAIL.encode() not in body(response)


def test_script_asking_for_a_restricted_report_gets_403(merchant_activity):
    response = logged_in(TranslatorFactory()).get(
        "/admin/reports/workflow/results/", headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/page-types-usage/",
        "/admin/merchant_accounts/",
    ],
)
def test_communication_reads_those_areas(merchant_activity, url):
    """The team reviews merchants' changes and manages their accounts: their addresses
    are theirs to see (and the check above could fail)."""
    response = logged_in(TeamMemberFactory()).get(url)
    assert response.status_code == 200
    if url in ("/admin/reports/workflow/", "/admin/merchant_accounts/"):
        assert MERCHANT_EMAIL in response.content.decode()


def test_explorer_filters_name_the_people_of_the_pages_one_may_explore(merchant_activity):
    """The explorer's "Modifiée par" filter: the team (who may explore the French
    directory) can pick the merchant; a translator, exploring the English one, can pick
    those who edited English pages (here, themselves), not the merchant."""
    english = merchant_activity.get_translation(Locale.objects.get(language_code="en"))
    translator = TranslatorFactory(username="traductrice-anglais")
    PageLogEntry.objects.log_action(english, "wagtail.edit", user=translator)
    french_directory = reverse("wagtailadmin_explore", args=[merchant_activity.get_parent().pk])
    english_directory = reverse("wagtailadmin_explore", args=[english.get_parent().pk])

    team = logged_in(TeamMemberFactory()).get(french_directory).content.decode()
    translated = logged_in(translator).get(english_directory).content.decode()

    edited_by = re.compile(r'<div id="id_edited_by">(.*?)</div>\s*</div>', re.S)
    assert MERCHANT_EMAIL in edited_by.search(team).group(1)
    assert "traductrice-anglais" in edited_by.search(translated).group(1)
    assert MERCHANT_EMAIL not in translated


SKIPPED = re.compile(r"/(logout|delete|unpublish|move|copy|lock|unlock|convert_alias)/")


def _links(response):
    content = response.content.decode(errors="replace")
    for href in re.findall(r'(?:href|data-url|hx-get)="([^"]+)"', content):
        url = urljoin(response.wsgi_request.path, unescape(href))
        parts = urlsplit(url)
        if not parts.netloc and parts.path.startswith("/admin/") and not SKIPPED.search(url):
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def test_no_page_a_translator_can_open_shows_a_merchants_email(merchant_activity):
    """From the dashboard, every menu item and the merchant's English page (edit, history,
    revisions), then every admin link found there: no email of a merchant account."""
    english = merchant_activity.get_translation(Locale.objects.get(language_code="en"))
    client = logged_in(TranslatorFactory())
    seeds = ["/admin/", *(url for _, url in TRANSLATION_MENU if url.startswith("/admin/"))]
    seeds += [
        reverse("wagtailadmin_pages:edit", args=[english.pk]),
        reverse("wagtailadmin_pages:history", args=[english.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[english.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[english.pk]),
        reverse("wagtailadmin_explore", args=[english.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[merchant_activity.pk]),
        reverse("wagtailadmin_pages:history", args=[merchant_activity.pk]),
        "/admin/images/chooser/",
        "/admin/pages/search/?q=fromagerie",
        *PEOPLE_AREAS,
    ]
    emails = merchant_emails()
    assert MERCHANT_EMAIL in emails and len(emails) > 1
    opened, leaks = {}, []
    for depth in range(2):
        found = []
        for url in seeds:
            if url in opened:
                continue
            response = client.get(url)
            opened[url] = response.status_code
            shown = body(response).decode(errors="replace") + response.get("Location", "")
            leaks += [(url, email) for email in emails if email in shown]
            if depth == 0 and response.status_code == 200 and not response.streaming:
                found += _links(response)
        seeds = found

    assert leaks == []
    # The walk did read the translator's admin, the merchant's English page included.
    assert sum(status == 200 for status in opened.values()) > 50
    assert opened[reverse("wagtailadmin_pages:history", args=[english.pk])] == 200
