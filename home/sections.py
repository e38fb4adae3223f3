"""The home page's sections: the shared ones (``home.blocks.HomeSectionBlock``) plus
those feature apps register from their ``AppConfig.ready()``::

    from home import sections

    sections.register("news_highlights", NewsHighlightsBlock())

The home page's StreamField resolves its block types once the apps are ready (its
block is ``SectionsBlock``), so the foundation imports no feature app and a new app
adds a section with one registration.
"""

from django.apps import apps

from home.blocks import HomeSectionBlock

_sections = {}


def register(name, block):
    """Offer ``block`` as a home page section called ``name`` (its StreamField type:
    renaming it needs a data migration, like renaming any block)."""
    _sections[name] = block


def registered():
    return list(_sections.items())


class SectionsBlock(HomeSectionBlock):
    """The shared sections, then the registered ones, in registration order."""

    def _get_child_blocks(self):
        resolved = getattr(self, "_resolved_blocks", None)
        own = getattr(self, "_own_blocks", {})
        if resolved is not None:
            return resolved
        if not apps.ready:
            # Models are still loading: registrations come in AppConfig.ready().
            return own
        resolved = own.copy()
        for name, block in registered():
            block.set_name(name)
            resolved[name] = block
        self._resolved_blocks = resolved
        return resolved

    def _set_child_blocks(self, blocks):
        self._own_blocks = blocks
        self._resolved_blocks = None

    child_blocks = property(_get_child_blocks, _set_child_blocks)
