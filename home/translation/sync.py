"""Facts that are not language reach the translations when the French page is published.

A page type says which of its fields are facts (phone, hours, coordinates, services...)
with wagtail-localize's ``SynchronizedField``. wagtail-localize copies them only when a
translator updates a translation; residents reading the English page would see last
month's hours until then. So when a French page is published, its translations get the
same facts at once: the live translation is republished with only those fields changed
(its translated text untouched), and a translation draft waiting for review gets them
too, so that publishing it later does not bring old facts back.
"""

from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import SegmentOverride

from home import locales
from home.translation.publishing import publish_fields


def synchronised_field_names(page):
    """Fields that are facts, not language: synchronised and not translated.

    (wagtail-localize also "synchronises" the structure of translated StreamFields and
    child relations before translating them; those are the translators' business.)
    """
    return [
        field.field_name
        for field in get_translatable_fields(type(page))
        if field.is_synchronized(page) and not field.is_translated(page)
    ]


def _facts(version, names):
    data = version.serializable_data()
    facts = {}
    for name in names:
        field = type(version)._meta.get_field(name)
        value = data.get(name)
        if field.one_to_many:
            # Child objects compare by content: copies get new primary keys.
            value = [_without(child, ("pk", "id", field.field.name)) for child in value or []]
        facts[name] = value
    return facts


def _without(data, keys):
    return {key: value for key, value in data.items() if key not in keys}


def _copy(source, version, name):
    field = type(source)._meta.get_field(name)
    if field.many_to_many:
        getattr(version, name).set(list(getattr(source, name).all()))
    elif field.one_to_many:
        model = field.related_model
        parent = field.field.name
        # The version's own child rows are reused in order, so that they keep their
        # ids (which a pending draft of the translation refers to): only rows added
        # to the source are new, only rows removed from it are deleted.
        own = list(getattr(version, name).all())
        copies = []
        for position, child in enumerate(getattr(source, name).all()):
            copy = own[position] if position < len(own) else model()
            for column in model._meta.concrete_fields:
                if not column.primary_key and column.name != parent:
                    setattr(copy, column.attname, getattr(child, column.attname))
            copies.append(copy)
        setattr(version, name, copies)
    else:
        setattr(version, field.attname, getattr(source, field.attname))


def _copy_facts(source, version, names):
    """Copy the facts onto ``version``; True when something changed."""
    before = _facts(version, names)
    for name in names:
        _copy(source, version, name)
    return _facts(version, names) != before


def is_source(page):
    """Pages in the default language are the sources of translations."""
    return locales.is_source(page)


def synchronise_translations(source):
    """Give the translations of the published ``source`` page its synchronised facts.

    Returns the translations that changed. Called on ``page_published`` for pages in
    the default language; translations being published themselves are left alone.
    """
    if not is_source(source):
        return []
    model = type(source)
    names = synchronised_field_names(source)
    if not names:
        return []
    changed = []
    translations = model.objects.filter(translation_key=source.translation_key).exclude(
        locale_id=source.locale_id
    )
    for translation in translations:
        overridden = _overridden(source, translation)
        own_names = [name for name in names if name not in overridden]
        if _synchronise(source, translation, own_names):
            changed.append(translation)
    return changed


def _overridden(source, translation):
    """Facts a translator chose to override for this language ("Override" in the
    translation editor, e.g. an English-speaking phone line): those stay as they are."""
    return set(
        SegmentOverride.objects.filter(
            locale_id=translation.locale_id, context__object_id=source.translation_key
        ).values_list("context__path", flat=True)
    )


def _synchronise(source, translation, names):
    return publish_fields(translation, lambda version: _copy_facts(source, version, names))
