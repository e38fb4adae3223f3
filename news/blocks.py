"""Blocks of interviews ("3 questions posées à…") and the home page's news section."""

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
                "news": news,
                "index_page": NewsIndexPage.objects.live().filter(locale=locale).first(),
            }
        )
        return context
