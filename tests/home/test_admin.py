import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage


class StandardPageAdminTests(WagtailPageTestCase):
    """The communications team builds pages through the Wagtail admin."""

    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="fr")

    def setUp(self):
        self.login()

    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_create_standard_page_with_blocks(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Horaires de la déchetterie",
                    "slug": "horaires-decheterie",
                    "intro": "Les horaires d'hiver.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Hiver", "level": "h2"}),
                            ("paragraph", rich_text("<p>Du lundi au samedi.</p>")),
                            ("quote", {"text": "Pensez à trier.", "attribution": ""}),
                            (
                                "accordion",
                                {
                                    "title": "Questions",
                                    "items": streamfield(
                                        [
                                            (
                                                "item",
                                                {
                                                    "question": "Et le dimanche ?",
                                                    "answer": rich_text("<p>Fermé.</p>"),
                                                },
                                            )
                                        ]
                                    ),
                                },
                            ),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="horaires-decheterie")
        assert [block.block_type for block in page.body] == [
            "heading",
            "paragraph",
            "quote",
            "accordion",
        ]

    def test_call_to_action_needs_exactly_one_link(self):
        response = self.client.post(
            f"/admin/pages/add/home/standardpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title": "Lien invalide",
                    "slug": "lien-invalide",
                    "body": streamfield(
                        [
                            (
                                "call_to_action",
                                {
                                    "title": "Venez",
                                    "text": "",
                                    "button_label": "Ici",
                                    "link": {"page": "", "url": ""},
                                },
                            )
                        ]
                    ),
                }
            ),
        )
        assert response.status_code == 200
        assert "Choisissez une page ou saisissez une adresse" in response.content.decode()
        assert not StandardPage.objects.filter(slug="lien-invalide").exists()


@pytest.mark.django_db
def test_admin_requires_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
