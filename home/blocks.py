"""StreamField blocks shared by every page type of the site.

Each block renders with its own template under ``home/blocks/``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 so the page outline stays valid under the page's h1."""

    text = blocks.CharBlock(label=_("Texte"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de niveau 2")), ("h3", _("Titre de niveau 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Titre de section")
        template = "home/blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    """An image with mandatory alternative text and an optional caption."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Texte alternatif"),
        max_length=255,
        help_text=_("Décrivez l'image pour les personnes qui ne la voient pas."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A highlighted quotation with its author."""

    text = blocks.TextBlock(label=_("Citation"))
    attribution = blocks.CharBlock(label=_("Auteur ou autrice"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "home/blocks/quote_block.html"


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to another website, exactly one of the two."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Adresse externe"), required=False)

    class Meta:
        icon = "link"
        label = _("Lien")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choisissez une page ou saisissez une adresse, mais pas les deux.")
            raise StructBlockValidationError(block_errors={"url": ValidationError(message)})
        return value


class CallToActionBlock(blocks.StructBlock):
    """A short invitation with one button."""

    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"), required=False)
    button_label = blocks.CharBlock(label=_("Texte du bouton"), max_length=60)
    link = LinkBlock(label=_("Lien du bouton"))

    class Meta:
        icon = "pick"
        label = _("Appel à l'action")
        template = "home/blocks/call_to_action_block.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=255)
    answer = blocks.RichTextBlock(label=_("Réponse"), features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Questions and answers that fold open; native ``<details>`` works without JavaScript."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Questions et réponses")
        template = "home/blocks/accordion_block.html"


class DocumentsBlock(blocks.StructBlock):
    """A list of files to download, each shown with its type and size."""

    title = blocks.CharBlock(label=_("Titre"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Téléchargements")
        template = "home/blocks/documents_block.html"


class VideoBlock(blocks.StructBlock):
    """An embedded video or map from a provider Wagtail knows (oEmbed)."""

    embed = EmbedBlock(label=_("Adresse de la vidéo"))
    title = blocks.CharBlock(
        label=_("Titre"),
        max_length=200,
        help_text=_("Indique le sujet de la vidéo, pour les lecteurs d'écran."),
    )

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "home/blocks/embed_block.html"


class BodyBlock(blocks.StreamBlock):
    """The content blocks every page body offers."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"),
        features=[*RICH_TEXT_FEATURES, "h3"],
        template="home/blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = VideoBlock()
    accordion = AccordionBlock()
    documents = DocumentsBlock()


class CardBlock(blocks.StructBlock):
    """One card of a group: a title, a sentence and a link."""

    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"))
    link = LinkBlock(label=_("Lien"))


class CardsBlock(blocks.StructBlock):
    """A group of cards, e.g. the ways the agglomeration supports businesses."""

    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    cards = blocks.ListBlock(CardBlock(), label=_("Cartes"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Cartes")
        template = "home/blocks/cards_block.html"


class LatestPagesBlock(blocks.StructBlock):
    """The most recent pages published under a listing page (news, for example)."""

    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    index_page = blocks.PageChooserBlock(label=_("Page de liste"))
    count = blocks.IntegerBlock(label=_("Nombre d'éléments"), default=3, min_value=1, max_value=6)

    class Meta:
        icon = "date"
        label = _("Dernières publications")
        template = "home/blocks/latest_pages_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        index_page = value["index_page"]
        items = []
        if index_page is not None:
            index_page = index_page.localized
            items = (
                index_page.get_children()
                .live()
                .public()
                .order_by("-first_published_at")
                .specific()
                .defer_streamfields()[: value["count"]]
            )
        context["index_page"] = index_page
        context["items"] = items
        return context


class HighlightBlock(blocks.StructBlock):
    """A featured section pointing to one page, e.g. the merchant directory."""

    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"))
    image = ImageChooserBlock(label=_("Image"), required=False)
    alt_text = blocks.CharBlock(label=_("Texte alternatif"), required=False, max_length=255)
    button_label = blocks.CharBlock(label=_("Texte du bouton"), max_length=60)
    link = LinkBlock(label=_("Lien"))

    class Meta:
        icon = "site"
        label = _("Mise en avant")
        template = "home/blocks/highlight_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("alt_text"):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Décrivez l'image pour les personnes qui ne la voient pas.")
                    )
                }
            )
        return value


class HomeSectionBlock(blocks.StreamBlock):
    """Sections the home page can be built from."""

    latest_pages = LatestPagesBlock()
    highlight = HighlightBlock()
    cards = CardsBlock()
    call_to_action = CallToActionBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"),
        features=RICH_TEXT_FEATURES,
        template="home/blocks/paragraph_block.html",
    )
