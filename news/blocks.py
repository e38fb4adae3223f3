"""Blocks of interviews ("3 questions posées à…") and the home page's news section."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES, ImageBlock, QuoteBlock
from home.locales import active_locale, localized

FOOTNOTE_HELP = _(
    "Pour renvoyer à une note, écrivez son numéro entre crochets, par exemple [1] "
    "pour la première note de la page."
)


class QuestionAnswerBlock(blocks.StructBlock):
    """One question put to the interviewee and their answer."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(
        label=_("Réponse"), features=RICH_TEXT_FEATURES, help_text=FOOTNOTE_HELP
    )

    class Meta:
        icon = "help"
        label = _("Question et réponse")
        template = "news/blocks/question_answer_block.html"


class InterviewBodyBlock(blocks.StreamBlock):
    question_answer = QuestionAnswerBlock()
    pull_quote = QuoteBlock(label=_("Citation mise en avant"))
    image = ImageBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"),
        features=RICH_TEXT_FEATURES,
        help_text=FOOTNOTE_HELP,
        template="news/blocks/paragraph_block.html",
    )


class FootnoteBlock(blocks.RichTextBlock):
    """A note shown under the text, numbered by its position in the list."""

    class Meta:
        icon = "list-ol"
        label = _("Note")


# An interview older than this no longer opens a home page when a newer one exists in
# the source language: the home page is what "latest" promises.
RECENT_INTERVIEW = datetime.timedelta(days=365)


def _recent_interview(translated, interview_model):
    """``(interview, language)`` for the home page of a language other than the
    source: its own latest interview while it is recent; else the source language's
    latest, if recent, with its language (the card says "In French"); else its own."""
    now = timezone.now()
    if translated is not None and translated.publication_date >= now - RECENT_INTERVIEW:
        return translated, None
    source = (
        interview_model.objects.live()
        .public()
        .filter(
            locale__language_code=settings.LANGUAGE_CODE,
            publication_date__gte=now - RECENT_INTERVIEW,
        )
        .select_related("main_image")
        .order_by("-publication_date")
        .first()
    )
    if source is None:
        return translated, None
    return source, settings.LANGUAGE_CODE


class NewsHighlightsBlock(blocks.StructBlock):
    """The home page's news section: the latest interview and the latest news.

    An editor may pin one article, which then comes first whatever its date.
    """

    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    pinned = blocks.PageChooserBlock(
        label=_("Article épinglé"),
        page_type=["news.NewsPage", "news.InterviewPage"],
        required=False,
    )
    count = blocks.IntegerBlock(
        label=_("Nombre d'actualités"), default=3, min_value=1, max_value=6
    )

    class Meta:
        icon = "date"
        label = _("Actualités et entretien")
        template = "news/blocks/news_highlights_block.html"

    def get_context(self, value, parent_context=None):
        # news.models imports this module (its StreamFields use these blocks).
        from news.models import InterviewPage, NewsIndexPage, NewsPage

        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        locale = active_locale(request)
        pinned = localized(value["pinned"], request) if value["pinned"] else None
        pinned = pinned.specific if pinned is not None and pinned.live else None
        exclude = [pinned.pk] if pinned else []

        interview = pinned if isinstance(pinned, InterviewPage) else None
        if interview is None:
            interview = (
                InterviewPage.objects.live()
                .public()
                .filter(locale=locale)
                .select_related("main_image")
                .order_by("-publication_date")
                .first()
            )
        interview_language = None
        if not pinned and locale is not None and locale.language_code != settings.LANGUAGE_CODE:
            interview, interview_language = _recent_interview(interview, InterviewPage)
        news = list(
            NewsPage.objects.live()
            .public()
            .filter(locale=locale)
            .exclude(pk__in=exclude)
            .order_by("-publication_date")[: value["count"]]
        )
        if isinstance(pinned, NewsPage):
            news = [pinned, *news][: value["count"]]
        context.update(
            {
                "interview": interview,
                "interview_language": interview_language,
                "news": news,
                "index_page": NewsIndexPage.objects.live().filter(locale=locale).first(),
            }
        )
        return context
