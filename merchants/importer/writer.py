"""Writing validated import records: new merchants are created, known ones updated."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations

from home import publication
from home.bulk_pages import create_child_pages, save_page_changes
from merchants.choices import SERVICE_FIELDS
from merchants.models import Category, MerchantPage, comparable_name

LOOKUP_BATCH = 900  # stays under SQLite's limit of variables per query
CHILD_RELATIONS = [
    relation.get_accessor_name() for relation in get_all_child_relations(MerchantPage)
]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_categories: list = field(default_factory=list)


def existing_merchants(index, external_ids):
    """The directory's merchants with these ``external_id``s, ready to be compared and
    revised without one query per merchant."""
    external_ids = list(external_ids)
    found = {}
    for offset in range(0, len(external_ids), LOOKUP_BATCH):
        batch = external_ids[offset : offset + LOOKUP_BATCH]
        merchants = (
            MerchantPage.objects.child_of(index)
            .filter(external_id__in=batch)
            .select_related("commune")
            # Every child relation ends up in the new revision's content.
            .prefetch_related("categories", *CHILD_RELATIONS)
        )
        found.update((merchant.external_id, merchant) for merchant in merchants)
    return found


class CategoryResolver:
    """Finds categories by name (ignoring case and accents) in the directory's language;
    names that match nothing become new top-level categories."""

    def __init__(self, locale):
        self.locale = locale
        categories = list(Category.objects.all())
        in_locale = {c.translation_key: c for c in categories if c.locale_id == locale.pk}
        # Names in other languages count too (an English export imported again), as
        # long as the category exists in the directory's language.
        self.by_name = {
            comparable_name(category.name): in_locale[category.translation_key]
            for category in sorted(categories, key=lambda c: c.locale_id == locale.pk)
            if category.translation_key in in_locale
        }
        self.taken_slugs = {category.slug for category in in_locale.values()}
        self.new = []

    def resolve(self, names, *, create):
        categories = []
        for name in names:
            key = comparable_name(name)
            category = self.by_name.get(key)
            if category is None:
                category = Category(locale=self.locale, name=name)
                if create:
                    slug = base = slugify(name)[:70] or "categorie"
                    number = 1
                    while slug in self.taken_slugs:
                        number += 1
                        slug = f"{base}-{number}"
                    self.taken_slugs.add(slug)
                    category.slug = slug
                    category.save()
                self.by_name[key] = category
                self.new.append(name)
            if category not in categories:
                categories.append(category)
        return categories


def _apply(merchant, record, categories):
    """Give ``merchant`` the record's values; return the names of the fields that changed."""
    changed = []
    for name, value in record.values.items():
        if name == "commune":
            if merchant.commune_id != value.pk:
                merchant.commune = value
                changed.append(name)
        elif getattr(merchant, name) != value:
            setattr(merchant, name, value)
            changed.append(name)
    if record.services is not None:
        for service, name in SERVICE_FIELDS.items():
            offered = service in record.services
            if getattr(merchant, name) != offered:
                setattr(merchant, name, offered)
                changed.append(name)
    if categories is not None:
        current = {category.pk for category in merchant.categories.all()} if merchant.pk else set()
        # Categories about to be created have no primary key yet (dry run).
        wanted = {category.pk or ("new", category.name) for category in categories}
        if current != wanted:
            merchant.categories = categories
            changed.append("categories")
    return changed


def write_records(index, records, *, publish=True, dry_run=False, progress=None):
    """Create or update the merchants of ``records`` (all valid) in ``index``.

    With ``dry_run`` nothing is written and the result says what would happen.
    Unchanged merchants get no new revision, so re-importing an export changes nothing.
    """
    result = ImportResult()
    existing = existing_merchants(index, [record.external_id for record in records])
    resolver = CategoryResolver(index.locale)
    new_pages, changed_pages, changed_fields = [], [], set()
    with transaction.atomic():
        for record in records:
            categories = None
            if record.category_names is not None:
                categories = resolver.resolve(record.category_names, create=not dry_run)
            merchant = existing.get(record.external_id)
            if merchant is None:
                merchant = MerchantPage(external_id=record.external_id)
                _apply(merchant, record, categories)
                new_pages.append(merchant)
                continue
            changed = _apply(merchant, record, categories)
            if changed:
                changed_pages.append(merchant)
                changed_fields.update(name for name in changed if name != "categories")
            else:
                result.unchanged += 1
        result.created, result.updated = len(new_pages), len(changed_pages)
        result.new_categories = resolver.new
        if dry_run:
            return result
        if progress:
            progress(len(new_pages), len(changed_pages))
        create_child_pages(index, new_pages, publish=publish)
        fields = sorted(changed_fields | {"sort_name"}) if changed_fields else ["sort_name"]
        save_page_changes(changed_pages, fields, publish=publish)
        if publish:
            # What the admin's publications go through: open periods, translations'
            # facts and staleness, invitations, search.
            publication.pages_published(new_pages + changed_pages)
    return result
