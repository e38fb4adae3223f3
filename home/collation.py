"""Sorting names as people read them, in French and in English.

Python's ``sorted`` and SQLite's ``ORDER BY`` compare code points: "Étables" and
"Érôme" land after "Vion", "épicerie" after "Zinc". The Unicode Collation Algorithm
(``pyuca``, with the default table, DUCET) sorts accented letters with their base
letter and settles accents, then case, only between otherwise equal words. CLDR's
French (France) and English collations are that default order without tailoring, so
one collator serves both languages.
"""

import pyuca
from django.forms.models import ModelChoiceIterator

_collator = pyuca.Collator()


def sort_key(text):
    """A key for ``sorted``: ``sorted(names, key=sort_key)``."""
    return _collator.sort_key(str(text or ""))


def sorted_by(items, name=lambda item: item.name):
    """``items`` in the reading order of ``name(item)``."""
    return sorted(items, key=lambda item: sort_key(name(item)))


class CollatedChoiceIterator(ModelChoiceIterator):
    """A model choice field's options in the reading order of their labels (a
    database's ``ORDER BY name`` puts "Érôme" after "Vion"); the empty choice first."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        label = self.field.label_from_instance
        for obj in sorted(self.queryset, key=lambda obj: sort_key(label(obj))):
            yield self.choice(obj)


def collate_choices(field):
    """``field`` (a ``ModelChoiceField`` or ``ModelMultipleChoiceField``) lists its
    choices in reading order, whatever its queryset's order."""
    field.iterator = CollatedChoiceIterator
    field.widget.choices = field.choices
    return field
