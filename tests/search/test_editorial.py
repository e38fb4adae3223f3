"""Editors' tools: the report of searches without results, popular searches, the admin
search (which runs on the same backend), the search page in the admin."""

import datetime

from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase, WagtailTestUtils

from home.models import HomePage
from search.editorial import log_search, popular_searches
from search.models import SearchPage, SearchTerm


class SearchesWithoutResultsReportTests(WagtailTestUtils, TestCase):
    url = "/admin/reports/searches-without-results/"

    def test_lists_what_found_nothing_most_frequent_first(self):
        self.login()
        log_search("Patinoire couverte", "fr", 0)
        log_search("piscine olympique", "fr", 0)
        log_search("piscine olympique", "fr", 0)
        log_search("boulangerie", "fr", 7)
        response = self.client.get(self.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Recherches sans résultat" in html
        assert html.index("piscine olympique") < html.index("Patinoire couverte")
        assert ">boulangerie<" not in html

    def test_filters_by_date(self):
        self.login()
        old = timezone.localdate() - datetime.timedelta(days=40)
        SearchTerm.objects.create(
            terms="patinoire",
            text="patinoire",
            language="fr",
            date=old,
            searches=2,
            searches_without_results=2,
        )
        recent = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
        response = self.client.get(self.url, {"date_from": recent})
        assert response.status_code == 200
        assert "patinoire" not in response.content.decode()
        assert "patinoire" in self.client.get(self.url).content.decode()

    def test_exports_a_spreadsheet(self):
        self.login()
        log_search("piscine", "fr", 0)
        response = self.client.get(self.url, {"export": "csv"})
        assert response.status_code == 200
        assert "piscine" in b"".join(response.streaming_content).decode()

    def test_editor_without_the_permission_is_refused(self):
        editor = self.create_user("editrice", password="pw")  # noqa: S106
        editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
        self.client.force_login(editor)
        response = self.client.get(self.url)
        assert response.status_code in (302, 403)
        group = Group.objects.create(name="Rapports de recherche")
        group.permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="view_searchterm"),
        )
        editor.groups.add(group)
        editor = type(editor).objects.get(pk=editor.pk)  # forget cached permissions
        self.client.force_login(editor)
        assert self.client.get(self.url).status_code == 200


class PopularSearchesTests(TestCase):
    def test_most_searched_that_found_something_in_the_language(self):
        for _ in range(5):
            log_search("Fromages de chèvre", "fr", 2)
        log_search("fromages de chevre", "fr", 2)  # the same search, typed otherwise
        for _ in range(9):
            log_search("piscine", "fr", 0)
        log_search("cheese", "en", 2)
        popular = popular_searches("fr")
        assert "fromages de chevre" in [text.casefold() for text in popular]
        assert "piscine" not in popular
        assert "cheese" not in popular
        assert "cheese" in popular_searches("en")


class AdminSearchTests(WagtailTestUtils, TestCase):
    def test_page_explorer_search_ignores_accents(self):
        self.login()
        response = self.client.get("/admin/pages/search/", {"q": "epicerie"})
        assert response.status_code == 200
        assert "Épicerie Le Grain de Sel" in response.content.decode()


class SearchPageAdminTests(WagtailPageTestCase):
    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(SearchPage, {HomePage})
        self.assertAllowedSubpageTypes(SearchPage, set())

    def test_renders(self):
        self.assertPageIsRenderable(SearchPage.objects.get(locale__language_code="fr"))
