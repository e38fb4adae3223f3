"""Demo news listing, topics, articles and interviews (French, some translated)."""

import json

from django.db import transaction
from wagtail.models import Locale

from home.demo.building import child_page, listing_page
from home.demo.images import demo_image
from home.demo.localize import Glossary, translate
from home.models import HomePage
from news.models import InterviewPage, NewsIndexPage, NewsPage, Topic

from .articles import NEWS
from .interviews import INTERVIEWS
from .topics import TOPICS


def _stream(blocks):
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def _topics(fr, en, g):
    topics = {}
    for (slug, name), (slug_en, name_en) in TOPICS:
        topic = Topic.objects.filter(locale=fr, slug=slug).first()
        if topic is None:
            topic = Topic.objects.create(locale=fr, slug=slug, name=name)
        g.t(slug, slug_en)
        g.t(name, name_en)
        if topic.get_translation_or_none(en) is None:
            translate(topic, en, g)
        topics[slug] = topic
    return topics


def _index(home, g):
    return listing_page(
        home,
        g,
        NewsIndexPage,
        slug=("actualites", "news"),
        title=("Actualités", "News"),
        intro=(
            "Les nouvelles de l'économie locale, des commerces et des centres-villes, "
            "et nos entretiens « 3 questions posées à… ».",
            "News about the local economy, shops and town centres, and our "
            "“3 questions for…” interviews.",
        ),
        summary=(
            "Toute l'actualité économique de l'agglomération.",
            "All the agglomeration's business news.",
        ),
    )


def _image(item, g):
    sky, hills, river = item["colours"]
    image = demo_image(f"Illustration — {item['title'][0]}", sky=sky, hills=hills, river=river)
    alt = g.t(
        "Illustration : collines et fleuve aux couleurs de l'article.",
        "Illustration: hills and river in the article's colours.",
    )
    return image, alt


def _news_page(index, item, topics, g):
    def build():
        image, alt = _image(item, g)
        page = NewsPage(
            title=g.t(*item["title"]),
            publication_date=item["date"],
            lead=g.t(*item["lead"]),
            main_image=image,
            main_image_alt=alt,
            body=_stream([("paragraph", g.rich(*item["paragraphs"]))]),
        )
        page.topics = [topics[slug] for slug in item["topics"]]
        return page

    return child_page(index, g.t(*item["slug"]), build)


def _interview(index, item, topics, g):
    def build():
        image, alt = _image(item, g)
        person = item["person"]
        body = [
            ("question_answer", {"question": g.t(*question), "answer": g.rich(answer)})
            for question, answer in item["qa"]
        ]
        quote = {"text": g.t(*item["quote"]), "attribution": g.t(person["name"], person["name"])}
        body.insert(2, ("pull_quote", quote))
        page = InterviewPage(
            title=g.t(*item["title"]),
            publication_date=item["date"],
            lead=g.t(*item["lead"]),
            main_image=image,
            main_image_alt=alt,
            interviewee_name=person["name"],
            interviewee_role=g.t(*person["role"]),
            interviewee_organisation=g.t(*person["organisation"]),
            body=_stream(body),
            footnotes=_stream([("note", g.rich(note)) for note in item["footnotes"]]),
        )
        page.topics = [topics[slug] for slug in item["topics"]]
        return page

    return child_page(index, g.t(*item["slug"]), build)


@transaction.atomic
def load(stdout):
    g = Glossary()
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=fr)
    topics = _topics(fr, en, g)
    index, created = _index(home, g)
    if created:
        # Contact comes last in the menu.
        contact = home.get_children().get(slug="contact")
        contact.move(home, pos="last-child")
    if index.get_translation_or_none(en) is None:
        translate(index, en, g)
        english_contact = home.get_translation(en).get_children().filter(slug="contact").first()
        if english_contact is not None:
            english_contact.move(english_contact.get_parent(), pos="last-child")

    for item in NEWS:
        page, _ = _news_page(index, item, topics, g)
        if item["translated"] and page.get_translation_or_none(en) is None:
            translate(page, en, g)
    for item in INTERVIEWS:
        page, _ = _interview(index, item, topics, g)
        if item["translated"] and page.get_translation_or_none(en) is None:
            translate(page, en, g)
    stdout.write(summary(fr, en))


def summary(fr, en):
    """What the demo holds, per language: an English version is the same article, not
    another one."""

    def count(model, locale):
        return model.objects.filter(locale=locale).count()

    return (
        f"News: {count(NewsPage, fr)} articles and {count(InterviewPage, fr)} interviews, "
        f"of which {count(NewsPage, en)} articles and {count(InterviewPage, en)} "
        "interviews translated into English."
    )
