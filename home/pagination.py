"""Page links of a paginated listing (the directory, news, search results): one way to
build them, one template (``includes/pagination.html``)."""

from dataclasses import dataclass


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
