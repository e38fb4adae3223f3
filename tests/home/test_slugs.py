"""Page addresses are plain ASCII; older accented ones are converted and redirected."""

import io

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.factories.home import StandardPageFactory

TITLE = "Un chèque cadeau pour les fêtes"


@pytest.fixture
def news_index(db):
    return NewsIndexPage.objects.get(locale__language_code="fr")


def test_a_slug_made_from_an_accented_title_is_ascii(news_index):
    page = NewsPage(title=TITLE, lead="Chapô.", body=[])
    news_index.add_child(instance=page)
    assert page.slug == "un-cheque-cadeau-pour-les-fetes"
    assert page.url == "/actualites/un-cheque-cadeau-pour-les-fetes/"


def test_the_admin_refuses_an_accented_slug(admin_client, news_index):
    response = admin_client.post(
        f"/admin/pages/add/news/newspage/{news_index.pk}/",
        nested_form_data(
            {
                "title": TITLE,
                "slug": "un-chèque-cadeau",
                "lead": "Chapô.",
                "body": streamfield([("paragraph", rich_text("<p>Texte.</p>"))]),
                "related_articles": streamfield([]),
                "related_merchants": streamfield([]),
            }
        ),
    )
    assert response.status_code in (200, 400)
    assert "slug" in response.context["form"].errors
    assert not NewsPage.objects.filter(title=TITLE).exists()


def test_an_accented_slug_from_elsewhere_is_refused_with_a_suggestion(home_fr):
    page = StandardPageFactory(parent=home_fr, slug="horaires-ete")
    page.slug = "horaires-été"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "horaires-ete" in error.value.message_dict["slug"][0]


@pytest.fixture
def accented_pages(home_fr, settings):
    """A published page and its published child saved with accented slugs (as before
    ASCII slugs), the page with a pending draft."""
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = True
    parent = StandardPageFactory(parent=home_fr, title="Fêtes de fin d'année", slug="fetes")
    child = StandardPageFactory(parent=parent, title="Marché de Noël", slug="marche")
    Page.objects.filter(pk=parent.pk).update(
        slug="fêtes-de-fin-d-année", url_path=f"{home_fr.url_path}fêtes-de-fin-d-année/"
    )
    Page.objects.filter(pk=child.pk).update(
        slug="marché-de-noël",
        url_path=f"{home_fr.url_path}fêtes-de-fin-d-année/marché-de-noël/",
    )
    parent.refresh_from_db()
    child.refresh_from_db()
    for page in (parent, child):
        page.save_revision().publish()
    parent.refresh_from_db()
    parent.intro = "Brouillon en attente."
    parent.save_revision()
    settings.WAGTAIL_ALLOW_UNICODE_SLUGS = False
    return parent, child


def test_ascii_slugs_converts_and_redirects_old_addresses(
    client, accented_pages, django_capture_on_commit_callbacks
):
    parent, child = accented_pages
    old_child_url = child.get_url()
    assert "%C3%A9" in old_child_url  # "é", as browsers send it

    with django_capture_on_commit_callbacks(execute=True):
        call_command("ascii_slugs", stdout=io.StringIO())

    parent.refresh_from_db()
    child.refresh_from_db()
    assert parent.slug == "fetes-de-fin-d-annee"
    assert child.url_path.endswith("/fetes-de-fin-d-annee/marche-de-noel/")
    # The pending draft keeps its text and gets the new address too.
    pending = parent.get_latest_revision_as_object()
    assert (pending.slug, pending.intro) == ("fetes-de-fin-d-annee", "Brouillon en attente.")
    assert parent.live_revision.as_object().slug == "fetes-de-fin-d-annee"

    response = client.get(old_child_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/fetes-de-fin-d-annee/marche-de-noel/")
    assert client.get(response["Location"]).status_code == 200
    assert Redirect.objects.filter(redirect_page=child).exists()


def test_ascii_slugs_dry_run_changes_nothing(accented_pages):
    parent, child = accented_pages
    out = io.StringIO()
    call_command("ascii_slugs", "--dry-run", stdout=out)
    assert "fêtes-de-fin-d-année → fetes-de-fin-d-annee" in out.getvalue()
    assert "2 slug(s) would change" in out.getvalue()
    assert StandardPage.objects.filter(slug="fêtes-de-fin-d-année").exists()
    assert not Redirect.objects.filter(redirect_page__in=[parent, child]).exists()


def test_ascii_slugs_purges_the_cached_old_addresses(
    client, settings, accented_pages, django_capture_on_commit_callbacks
):
    """A copy of the old address kept by the page cache would keep answering 200 with
    the old page instead of the redirect."""
    settings.PAGE_CACHE_STORE = True
    cache.clear()
    _parent, child = accented_pages
    old_child_url = child.get_url()
    assert client.get(old_child_url).status_code == 200  # now kept in the page cache

    with django_capture_on_commit_callbacks(execute=True):
        call_command("ascii_slugs", stdout=io.StringIO())

    response = client.get(old_child_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/fetes-de-fin-d-annee/marche-de-noel/")
