"""Search backends of the site (Wagtail/modelsearch subclasses) and their selection.

``config`` is imported by the settings and must stay free of Django model imports.
"""
