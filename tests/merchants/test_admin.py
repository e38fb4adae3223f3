"""The communications team manages the directory in the Wagtail admin."""

import re

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage, StandardPage
from merchants.models import Category, Commune, MerchantIndexPage, MerchantPage, OpenPeriod
from offers.models import OfferPage


class MerchantAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.directory = MerchantIndexPage.objects.get(locale__language_code="fr")
        cls.home = HomePage.objects.get(locale__language_code="fr")
        cls.bakery = Category.objects.get(
            locale__language_code="fr", slug="boulangerie-patisserie"
        )
        cls.tain = Commune.objects.get(insee_code="26347")

    def setUp(self):
        self.login()

    def form_data(self, **overrides):
        data = {
            "title": "Boulangerie des Essais",
            "slug": "boulangerie-des-essais",
            "description": "Pain au levain et viennoiseries.",
            "body": rich_text("<p>Depuis 1990.</p>"),
            "commune": self.tain.pk,
            "street_address": "3 place du Marché",
            "postcode": "26600",
            "latitude": "45.070100",
            "longitude": "4.845200",
            "phone": "04.65.71.55.66",
            "opening_hours": "Tu-Sa 07:00-13:00,15:30-19:00; PH off",
            "wheelchair": "partial",
            "accepts_cards": "on",
            "gallery_images": inline_formset([]),
            "social_links": inline_formset(
                [{"network": "instagram", "url": "https://instagram.example/essais"}]
            ),
            "platform_links": inline_formset([]),
        }
        data.update(overrides)
        data = nested_form_data(data)
        # Multiple choices are sent as lists, as a browser does.
        data["categories"] = [self.bakery.pk]
        data["services"] = overrides.get("services", ["takeaway", "call_collect"])
        return data

    def test_page_type_rules(self):
        self.assertAllowedParentPageTypes(MerchantIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(MerchantIndexPage, {MerchantPage})
        self.assertAllowedParentPageTypes(MerchantPage, {MerchantIndexPage})
        # The offers app adds its page type below shops (offers.apps).
        self.assertAllowedSubpageTypes(MerchantPage, {OfferPage})
        self.assertCanCreateAt(MerchantIndexPage, MerchantPage)
        self.assertCanNotCreateAt(StandardPage, MerchantPage)
        self.assertCanNotCreateAt(HomePage, MerchantPage)
        # One directory per home page: the demo already has it.
        self.assertFalse(MerchantIndexPage.can_create_at(self.home))

    def test_create_a_merchant(self):
        self.assertCanCreate(self.directory, MerchantPage, self.form_data())
        merchant = MerchantPage.objects.get(slug="boulangerie-des-essais")
        self.assertTrue(merchant.live)
        self.assertEqual(merchant.phone, "+33465715566")  # normalised on save
        self.assertEqual([s.value for s in merchant.services], ["call_collect", "takeaway"])
        self.assertEqual(list(merchant.categories.all()), [self.bakery])
        self.assertEqual(merchant.social_links.get().network, "instagram")
        self.assertTrue(merchant.accepts_cards)
        # Publishing filled the "open now" index.
        self.assertTrue(OpenPeriod.objects.filter(merchant=merchant).exists())
        self.assertPageIsRenderable(merchant)

    def test_edit_form_shows_the_services_ticked(self):
        merchant = MerchantPage.objects.get(
            title="Boulangerie du Quai", locale__language_code="fr"
        )
        response = self.client.get(f"/admin/pages/{merchant.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        ticked = set(
            re.findall(r'<input type="checkbox" name="services" value="(\w+)"[^>]* checked', html)
        )
        self.assertEqual(ticked, {"takeaway", "call_collect"})
        # Only French categories are offered on a French page.
        self.assertIn("Boulangerie-pâtisserie", html)
        self.assertNotIn("Cheese shop", html)

    def test_invalid_input_is_explained_and_nothing_is_saved(self):
        before = MerchantPage.objects.count()
        response = self.client.post(
            f"/admin/pages/add/merchants/merchantpage/{self.directory.pk}/",
            self.form_data(
                phone="12 34",
                latitude="4.845200",
                longitude="45.070100",
                opening_hours="du mardi au samedi",
                **{"action-publish": "action-publish"},
            ),
        )
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        self.assertIn("n'est pas un numéro de téléphone valide", form.errors["phone"][0])
        self.assertIn("hors du territoire", form.errors["latitude"][0])
        self.assertIn("Horaires illisibles", form.errors["opening_hours"][0])
        self.assertEqual(MerchantPage.objects.count(), before)

    def test_gallery_photo_needs_alternative_text(self):
        from wagtail.images import get_image_model

        image = get_image_model().objects.first()
        response = self.client.post(
            f"/admin/pages/add/merchants/merchantpage/{self.directory.pk}/",
            {
                **self.form_data(
                    gallery_images=inline_formset(
                        [{"image": image.pk, "alt_text": "", "caption": ""}]
                    )
                ),
                "action-publish": "action-publish",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(MerchantPage.objects.filter(slug="boulangerie-des-essais").exists())
        self.assertIn("alt_text", response.context["form"].formsets["gallery_images"].errors[0])

    def test_snippets_are_managed_in_the_admin(self):
        for url in ["/admin/snippets/merchants/category/", "/admin/snippets/merchants/commune/"]:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
        self.assertContains(self.client.get("/admin/snippets/merchants/commune/?q=Tain"), "26347")
        response = self.client.post(
            "/admin/snippets/merchants/commune/add/",
            {
                "name": "Hors territoire",
                "slug": "hors",
                "insee_code": "38185",
                "postcodes": "38000",
                "department": "26",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Commune.objects.filter(slug="hors").exists())

    def test_unpublishing_removes_the_merchant_from_open_now(self):
        merchant = MerchantPage.objects.get(
            title="Boulangerie du Quai", locale__language_code="fr"
        )
        merchant.unpublish()
        self.assertFalse(OpenPeriod.objects.filter(merchant=merchant).exists())
        self.assertNotIn(merchant.pk, Page.objects.live().values_list("pk", flat=True))


class CategoryChoicesTests(WagtailPageTestCase):
    """A category's parent is chosen among the categories of its own language."""

    def setUp(self):
        self.login()

    def test_the_parent_chooser_offers_the_categorys_language(self):
        response = self.client.get("/admin/snippets/merchants/category/add/?locale=en")
        assert response.status_code == 200
        field = response.context["form"].fields["parent"]
        assert {c.locale.language_code for c in field.queryset} == {"en"}
        assert "/admin/snippets/choose/merchants/category/?locale=en" in response.content.decode()

    def test_a_parent_in_another_language_is_refused(self):
        french_food = Category.objects.get(locale__language_code="fr", slug="alimentation")
        response = self.client.post(
            "/admin/snippets/merchants/category/add/?locale=en",
            {"name": "Cheesemonger", "slug": "cheesemonger", "parent": french_food.pk},
        )
        assert response.status_code in (200, 400)
        assert "parent" in response.context["form"].errors
        assert not Category.objects.filter(slug="cheesemonger").exists()

    def test_the_listing_filters_by_parents_of_the_language_shown(self):
        response = self.client.get("/admin/snippets/merchants/category/?locale=fr")
        assert response.status_code == 200
        parents = response.context["filters"].form.fields["parent"].queryset
        assert parents.exists()
        assert {c.locale.language_code for c in parents} == {"fr"}
