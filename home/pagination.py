"""Page links of a paginated listing (the directory, news, search results): one way to
build them, one template (``includes/pagination.html``)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from home.params import positive_int


@dataclass(frozen=True)
class Pagination:
    """What the template shows: the current page, each link (None for a gap: "…"),
    the previous and next pages' addresses."""

    current: int
    links: list  # [(number or "…", url or None)]
    previous_url: str | None
    next_url: str | None


def pagination(page, url_for):
    """``Pagination`` of ``page`` (a Django paginator's page), or None when there is
    only one; ``url_for(number)`` gives the address of page ``number`` (the listing's
    filters kept)."""
    paginator = page.paginator
    if paginator.num_pages <= 1:
        return None
    return Pagination(
        current=page.number,
        links=[
            (number, url_for(number) if isinstance(number, int) else None)
            for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        ],
        previous_url=url_for(page.previous_page_number()) if page.has_previous() else None,
        next_url=url_for(page.next_page_number()) if page.has_next() else None,
    )


def page_within(asked, num_pages):
    """``(number, notice)``: the page to show for ``asked`` (the query string's text)
    among ``num_pages``, and what to tell the visitor when it is not the one asked for.

    A number past the end shows the last page, anything else that is not a page number
    (``abc``, ``0``, ``-1``) the first: an old link or a typed address finds results
    and a sentence saying why, never a bare 404. ``notice`` is "" when the page exists
    or none was asked for."""
    num_pages = max(num_pages, 1)
    text = "" if asked is None else str(asked).strip()
    if not text:
        return 1, ""
    number = positive_int(text)
    if number is None:
        if text.isascii() and text.isdigit() and text.strip("0"):  # 99999…: past any end
            number = num_pages + 1
        else:
            return 1, _("« %(asked)s » n’est pas un numéro de page : voici la première page.") % {
                "asked": text[:20]
            }
    if number <= num_pages:
        return number, ""
    return num_pages, ngettext(
        "La page %(asked)s n’existe pas : il n’y a qu’une page de résultats, la voici.",
        "La page %(asked)s n’existe pas : il n’y a que %(count)s pages de résultats, "
        "voici la dernière.",
        num_pages,
    ) % {"asked": number if number <= 10**6 else "…", "count": num_pages}


def page_of(paginator, asked):
    """``(page, notice)``: the page of a Django ``paginator`` for ``asked``
    (see ``page_within``)."""
    number, notice = page_within(asked, paginator.num_pages)
    return paginator.page(number), notice
