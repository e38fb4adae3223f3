from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from news.models import ArticlePage, InterviewPage, NewsIndexPage, NewsPage, Topic


class NewsAdminTests(WagtailPageTestCase):
    """The communications team writes articles and interviews in the admin."""

    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPage.objects.get(locale__language_code="fr")
        cls.topic = Topic.objects.get(slug="centres-villes", locale__language_code="fr")

    def setUp(self):
        self.login()

    def test_page_type_rules(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage, InterviewPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(InterviewPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertFalse(ArticlePage.is_creatable)

    def test_create_news_page(self):
        data = nested_form_data(
            {
                "action-publish": "action-publish",
                "title": "La halle rouvre",
                "slug": "la-halle-rouvre",
                "lead": "Après six mois de travaux.",
                "body": streamfield(
                    [
                        ("heading", {"text": "Les horaires", "level": "h2"}),
                        ("paragraph", rich_text("<p>Du mardi au dimanche.</p>")),
                    ]
                ),
                "related_articles": streamfield([]),
                "related_merchants": streamfield([]),
            }
        )
        data["topics"] = [str(self.topic.pk)]  # a multiple choice, not a nested list
        self.assertCanCreate(self.index, NewsPage, data)
        page = NewsPage.objects.get(slug="la-halle-rouvre")
        assert list(page.topics.all()) == [self.topic]

    def test_create_interview(self):
        self.assertCanCreate(
            self.index,
            InterviewPage,
            nested_form_data(
                {
                    "title": "3 questions posées à Inès Garnier",
                    "slug": "3-questions-ines-garnier",
                    "interviewee_name": "Inès Garnier",
                    "interviewee_role": "Fleuriste",
                    "lead": "Elle vient d'ouvrir sa boutique.",
                    "body": streamfield(
                        [
                            (
                                "question_answer",
                                {
                                    "question": "Pourquoi ici ?",
                                    "answer": rich_text("<p>Pour la halle [1].</p>"),
                                },
                            ),
                            ("pull_quote", {"text": "J'aime ce quartier.", "attribution": ""}),
                        ]
                    ),
                    "footnotes": streamfield([("note", rich_text("<p>Marché couvert.</p>"))]),
                    "closing_call_to_action": streamfield([]),
                    "related_articles": streamfield([]),
                    "related_merchants": streamfield([]),
                }
            ),
        )
        assert InterviewPage.objects.get(slug="3-questions-ines-garnier").interviewee_name

    def test_image_without_alt_text_is_refused(self):
        from wagtail_factories import ImageFactory

        image = ImageFactory()
        response = self.client.post(
            f"/admin/pages/add/news/newspage/{self.index.pk}/",
            nested_form_data(
                {
                    "title": "Sans alternative",
                    "slug": "sans-alternative",
                    "lead": "Chapô.",
                    "main_image": image.pk,
                    "main_image_alt": "",
                    "body": streamfield([("paragraph", rich_text("<p>Texte.</p>"))]),
                    "related_articles": streamfield([]),
                    "related_merchants": streamfield([]),
                }
            ),
        )
        assert response.status_code == 200
        assert "Décrivez l&#x27;image" in response.content.decode()
        assert not NewsPage.objects.filter(slug="sans-alternative").exists()


class TopicChoicesTests(WagtailPageTestCase):
    """The "Thèmes" checkboxes offer the topics of the page's language only."""

    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPage.objects.get(locale__language_code="fr")
        cls.french = list(Topic.objects.filter(locale__language_code="fr"))
        cls.english = list(Topic.objects.filter(locale__language_code="en"))

    def setUp(self):
        self.user = self.login()

    def topic_choices(self, response):
        field = response.context["form"].fields["topics"]
        return {topic.name for topic in field.queryset}

    def test_a_french_page_offers_the_french_topics(self):
        response = self.client.get(f"/admin/pages/add/news/newspage/{self.index.pk}/")
        assert response.status_code == 200
        assert self.topic_choices(response) == {topic.name for topic in self.french}
        html = response.content.decode()
        for topic in self.english:
            assert f">{topic.name}<" not in html.replace("\n", "").replace("  ", "")
        assert "Centres-villes" in html and "Town centres" not in html

    def test_an_english_topic_is_refused_on_a_french_page(self):
        data = nested_form_data(
            {
                "action-publish": "action-publish",
                "title": "Mauvais thème",
                "slug": "mauvais-theme",
                "lead": "Chapô.",
                "body": streamfield([("paragraph", rich_text("<p>Texte.</p>"))]),
                "related_articles": streamfield([]),
                "related_merchants": streamfield([]),
            }
        )
        data["topics"] = [str(self.english[0].pk)]
        response = self.client.post(f"/admin/pages/add/news/newspage/{self.index.pk}/", data)
        assert response.status_code in (200, 400)
        assert "topics" in response.context["form"].errors
        assert not NewsPage.objects.filter(slug="mauvais-theme").exists()

    def test_an_english_page_shows_its_french_topics_as_english_ones(self):
        page = NewsPage.objects.filter(locale__language_code="en").first()
        assert {topic.locale.language_code for topic in page.topics.all()} == {"fr"}
        form_class = NewsPage.get_edit_handler().get_form_class()
        form = form_class(instance=page, for_user=self.user, parent_page=page.get_parent())
        offered = set(form.fields["topics"].queryset)
        assert offered == set(self.english)
        chosen = Topic.objects.filter(pk__in=form.initial["topics"])
        assert {topic.locale.language_code for topic in chosen} == {"en"}
        assert {topic.translation_key for topic in chosen} == {
            topic.translation_key for topic in page.topics.all()
        }


class ErrorsInOtherTabsTests(WagtailPageTestCase):
    """A refused field outside the first tab is named at the top of the editor."""

    @classmethod
    def setUpTestData(cls):
        cls.index = NewsIndexPage.objects.get(locale__language_code="fr")
        cls.taken = NewsPage.objects.child_of(cls.index).first().slug

    def setUp(self):
        self.login()

    def post(self, **fields):
        data = {
            "title": "Un nouvel article",
            "slug": "un-nouvel-article",
            "lead": "Chapô.",
            "body": streamfield([("paragraph", rich_text("<p>Texte.</p>"))]),
            "related_articles": streamfield([]),
            "related_merchants": streamfield([]),
        }
        data.update(fields)
        return self.client.post(
            f"/admin/pages/add/news/newspage/{self.index.pk}/", nested_form_data(data)
        )

    def test_a_slug_already_used_is_named_with_its_tab(self):
        response = self.post(slug=self.taken)
        assert response.status_code in (200, 400)
        html = response.content.decode()
        message = html[html.index('class="messages"') :][:3000]
        assert "Des champs d&#x27;autres onglets sont aussi à corriger" in message
        assert "onglet « Promotion » : Slug" in message
        assert f"Le slug &#x27;{self.taken}&#x27; est déjà utilisé" in message
        assert NewsPage.objects.filter(slug=self.taken).count() == 1

    def test_the_list_of_errors_is_in_french(self):
        response = self.post(
            slug=self.taken,
            body=streamfield([]),
            **{"action-publish": "action-publish"},
        )
        html = response.content.decode()
        message = html[html.index('class="messages"') :][:3000]
        assert "Un ou plusieurs blocs sont à corriger." in message
        assert "Validation error" not in message

    def test_an_error_in_the_first_tab_only_adds_nothing(self):
        response = self.post(lead="", **{"action-publish": "action-publish"})
        html = response.content.decode()
        assert "lead" in response.context["form"].errors
        assert "autres onglets" not in html
        assert not NewsPage.objects.filter(slug="un-nouvel-article").exists()
