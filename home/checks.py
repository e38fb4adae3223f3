"""System checks: warn when a library leaves the versions whose internals we rely on.

Two pieces of the site lean on how a library works inside, not only on its documented
API, and were written and tested against the versions below:

- ``home.translation.guard`` (used by ``BasePage.save``) knows that wagtail-localize's
  ``create_or_update_translation(publish=False)`` writes the live row of a translated
  page, and which of its views do so;
- ``home.translation.publishing.PublishKeepingReview`` presents a page as having no
  workflow in progress through ``_current_workflow_states``, the cache Wagtail's
  ``prefetch_workflow_states`` fills, so that publishing some fields does not cancel a
  review;
- ``home.spreadsheets.protect_spreadsheet_exports`` wraps the per-cell steps of
  Wagtail's ``SpreadsheetExportMixin`` (``preprocess_field_value``,
  ``generate_xlsx_row``) so that no export holds a live formula.

After upgrading either library, re-run the translation and portal tests, read what
changed in those internals, then widen the range here.
"""

from importlib.metadata import PackageNotFoundError, version

from django.core.checks import Warning, register

TESTED = {
    # distribution: (first version, first version not tested), what relies on it
    "wagtail": (
        (8, 0),
        (8, 1),
        "PublishKeepingReview and protect_spreadsheet_exports (see home/checks.py)",
    ),
    "wagtail-localize": ((1, 14), (1, 15), "the translation guard (home.translation.guard)"),
}


def _release(text):
    numbers = []
    for part in text.split("."):
        digits = "".join(character for character in part if character.isdigit())
        if not digits:
            break
        numbers.append(int(digits))
    return tuple(numbers)


def untested_versions(installed=None):
    """``[(distribution, installed version, what relies on it)]`` outside ``TESTED``."""
    found = []
    for distribution, (first, beyond, relies) in TESTED.items():
        if installed is not None:
            current = installed.get(distribution)
        else:
            try:
                current = version(distribution)
            except PackageNotFoundError:
                current = None
        if current is None:
            continue
        release = _release(current)
        if not (first <= release < beyond):
            found.append((distribution, current, relies))
    return found


@register()
def check_library_versions(app_configs, **kwargs):
    return [
        Warning(
            f"{distribution} {current} is not a version {relies} was tested with.",
            hint=(
                "Run the translation and portal tests and check the internals described "
                "in home/checks.py, then widen TESTED there."
            ),
            id="home.W001",
        )
        for distribution, current, relies in untested_versions()
    ]
