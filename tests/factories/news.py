import datetime
import json
from zoneinfo import ZoneInfo

import factory
import wagtail_factories
from wagtail.models import Locale

from news.models import InterviewPage, NewsIndexPage, NewsPage, Topic

PARIS = ZoneInfo("Europe/Paris")


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="fr"))

    class Meta:
        model = Topic


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Actualités {n}")
    intro = "Les nouvelles du territoire."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    lead = "Un chapô court."
    publication_date = factory.Sequence(
        lambda n: datetime.datetime(2025, 1, 1, 9, 0, tzinfo=PARIS) + datetime.timedelta(days=n)
    )
    body = json.dumps([{"type": "paragraph", "value": "<p>Le texte de l'article.</p>"}])

    class Meta:
        model = NewsPage


class InterviewPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"3 questions posées à la personne {n}")
    lead = "Un chapô d'entretien."
    interviewee_name = "Camille Roux"
    interviewee_role = "Gérante"
    interviewee_organisation = "Épicerie des Quais"
    publication_date = factory.Sequence(
        lambda n: datetime.datetime(2024, 6, 1, 9, 0, tzinfo=PARIS) + datetime.timedelta(days=n)
    )
    body = json.dumps(
        [
            {
                "type": "question_answer",
                "value": {
                    "question": "Que vendez-vous ?",
                    "answer": "<p>Des produits en vrac [1] et des fruits de saison [2].</p>",
                },
            },
            {
                "type": "question_answer",
                "value": {"question": "Depuis quand ?", "answer": "<p>Depuis 2019 [1].</p>"},
            },
        ]
    )
    footnotes = json.dumps(
        [
            {"type": "note", "value": "<p>Sans emballage, au poids.</p>"},
            {"type": "note", "value": "<p>Cueillis dans un rayon de 30 km.</p>"},
        ]
    )

    class Meta:
        model = InterviewPage
