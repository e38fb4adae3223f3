"""Keeping the English site in step with the French one.

wagtail-localize does the translating; this package adds what a small team needs around
it: facts that are not language reach the translations when the French page is
published (``sync``), translators hear about French text they have not translated yet
(``staleness``), and untranslated French never reaches a live English page (``guard``).
"""
