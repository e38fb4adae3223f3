"""The detailed presentation ("présentation détaillée", ``MerchantPage.body``) as the
portal edits it: a text box with a few marks, stored as Wagtail rich text.

The merchant writes paragraphs separated by a blank line, ``**bold**``, lists (lines
starting with ``-`` or ``1.``) and links (``[text](https://…)``). Wagtail's own
converters do the work, the ones its API uses for Markdown rich text: the text becomes
Wagtail's database HTML, which is then cleaned to ``FEATURES`` by Wagtail's rich text
sanitiser (anything else: headings, images, scripts, ``javascript:`` links, is
removed); the stored HTML is turned back into text to be edited again.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text.converters.markdown_db import MarkdownConverter
from wagtail.api.rich_text import APIRichText, RichTextFormatError

FEATURES = ["bold", "ol", "ul", "link"]
MAX_LENGTH = 5000


def to_text(html):
    """The stored presentation as the merchant edits it."""
    if not html or not html.strip():
        return ""
    return MarkdownConverter(FEATURES).from_database_format(html, resolved=False).strip()


def uses_more_than_the_portal(html):
    """Whether the stored presentation has formatting the portal cannot edit (the team
    may use headings, italics, links to pages or documents): changing the text here
    would lose it, so the form says so."""
    if not html or not html.strip():
        return False
    _cleaned, removals = APIRichText.sanitize_db_html(html, features=FEATURES)
    return bool(removals) or "linktype=" in html


def to_rich_text(text):
    """The rich text HTML of ``text``; raises ``ValidationError``."""
    if not text or not text.strip():
        return ""
    try:
        html, _removals = APIRichText.convert_db_markdown_input(text, features=FEATURES)
    except RichTextFormatError as error:
        raise ValidationError(
            _("Cette présentation n'a pas pu être lue : vérifiez les liens [texte](adresse)."),
            code="unreadable",
        ) from error
    if "linktype=" in html:
        # Links to pages or documents of the site (wagtail://...) are the team's tool.
        raise ValidationError(
            _("Les liens doivent mener à une adresse web commençant par https://."),
            code="internal_link",
        )
    return html
