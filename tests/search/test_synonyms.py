"""The team's search synonyms: the admin area, validation, and that saving or deleting
one changes what searches find at once (the affected pages are reindexed)."""

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.test.utils import WagtailTestUtils

from merchants.models import MerchantPage
from search.editorial import log_search
from search.models import SearchSynonym
from search.query import plan_query
from tests.search.conftest import backend_for, relevance_scope

ADD_URL = "/admin/snippets/search/searchsynonym/add/"


def found(home, text):
    backend = backend_for("database")
    result = backend.site_search(plan_query(text), relevance_scope(home), 0, 10, with_facets=False)
    return set(
        MerchantPage.objects.filter(pk__in=[pk for pk, _s in result.hits]).values_list(
            "title", flat=True
        )
    )


def test_a_synonym_saved_in_the_admin_finds_pages_at_once(relevance_site, client, db):
    home, _merchants = relevance_site
    user = WagtailTestUtils.create_superuser("admin-synonymes", password="pw")  # noqa: S106
    client.force_login(user)
    assert "Teinturerie Blanche" not in found(home, "lavomatic")
    response = client.post(ADD_URL, {"terms": "lavomatic, teinturerie", "also_found_by": ""})
    assert response.status_code == 302
    assert "Teinturerie Blanche" in found(home, "lavomatic")
    synonym = SearchSynonym.objects.get()
    response = client.post(f"/admin/snippets/search/searchsynonym/delete/{synonym.pk}/")
    assert response.status_code == 302
    assert "Teinturerie Blanche" not in found(home, "lavomatic")


def test_editing_a_synonym_removes_the_words_it_no_longer_gives(relevance_site, db):
    home, _merchants = relevance_site
    synonym = SearchSynonym.objects.create(terms="glacier, gelateria")
    assert "Glacier Le Sorbet" in found(home, "gelateria")
    synonym.terms = "glacier, turbineur"
    synonym.save()
    assert "Glacier Le Sorbet" not in found(home, "gelateria")
    assert "Glacier Le Sorbet" in found(home, "turbineur")


def test_one_way_synonyms_do_not_go_back(relevance_site, db):
    home, _merchants = relevance_site
    SearchSynonym.objects.create(terms="serrurier", also_found_by="cambriolage")
    assert "Serrurerie Express" in found(home, "cambriolage")
    assert "Serrurerie Express" in found(home, "serrurier")


def test_bad_synonyms_are_refused_with_a_message_and_nothing_saved(client, db):
    user = WagtailTestUtils.create_superuser("admin-synonymes2", password="pw")  # noqa: S106
    client.force_login(user)
    for terms, message in [
        ("pressing", "Indiquez au moins deux mots différents"),
        ("pressing, pressings", "Indiquez au moins deux mots différents"),
        ("le, la", "ne contient que des mots trop courants"),
        ("a => b, c", "caractère réservé"),
    ]:
        response = client.post(ADD_URL, {"terms": terms, "also_found_by": ""})
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not SearchSynonym.objects.exists()


def test_the_report_of_searches_without_results_links_to_a_new_synonym(client, db):
    user = WagtailTestUtils.create_superuser("admin-synonymes3", password="pw")  # noqa: S106
    client.force_login(user)
    log_search("Pressing à sec", "fr", 0)
    html = client.get("/admin/reports/searches-without-results/").content.decode()
    assert f'href="{ADD_URL}?terms=Pressing+%C3%A0+sec"' in html
    assert "ajouter un synonyme" in html
    form = client.get(ADD_URL, {"terms": "Pressing à sec"}).content.decode()
    assert "Pressing à sec" in form


def test_the_communications_team_manages_synonyms(client, db):
    call_command("setup_roles", verbosity=0)
    team = Group.objects.get(name="Communication")
    codenames = set(team.permissions.values_list("codename", flat=True))
    assert {"add_searchsynonym", "change_searchsynonym", "delete_searchsynonym"} <= codenames
    user = WagtailTestUtils.create_user("communicante", password="pw")  # noqa: S106
    user.groups.add(team)
    client.force_login(user)
    assert client.get(ADD_URL).status_code == 200
    assert "Synonymes de recherche" in client.get("/admin/").content.decode()
