"""Create or update many pages at once while keeping Wagtail's bookkeeping exact.

``parent.add_child()`` followed by ``save_revision().publish()`` costs about twenty
queries per page (tree lock and path lookup, two table inserts, revision, publish,
logs, search and reference indexes, signals): fine for an editor, too slow for an
import of thousands of merchants. This module does the same work in bulk:

- tree paths are allocated in memory after the parent's last child (treebeard's own
  ``_get_path``), and the parent's ``numchild`` is increased once, so that
  ``Page.find_problems()`` finds nothing;
- the ``wagtailcore_page`` rows are bulk-inserted, then the specific rows;
- each page gets a revision (its serialised content, as ``save_revision`` stores it)
  that is also its live revision when published, and the log entries of the history
  view;
- the reference index is updated in the same transaction, and ``pages_written`` is
  sent for the search index (``post_save`` is not: it would index page by page).

Page signals (``page_published``) are not sent: callers that publish run the
publication pipeline (``home.publication.pages_published``). Callers validate the
pages first.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from home.publication import pages_written

BATCH_SIZE = 500
_BOOKKEEPING = [
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
]
_PUBLISHING = ["live", "live_revision", "first_published_at", "last_published_at"]


def execute_updates(objects, field_names):
    """Write ``field_names`` of ``objects`` with one ``UPDATE ... WHERE pk = %s``
    statement per table, run with ``executemany``.

    Django's ``bulk_update`` builds a CASE expression with one branch per object and
    field, which takes seconds to compile for thousands of pages; this does the same
    writes in a fraction of that. Values are converted by each field, as ``save()``
    would; table and column names come from the models.
    """
    if not objects:
        return
    meta = type(objects[0])._meta
    by_table = {}
    for name in field_names:
        field = meta.get_field(name)
        by_table.setdefault(field.model._meta.concrete_model, []).append(field)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model, fields in by_table.items():
            assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
            sql = (
                f"UPDATE {quote(model._meta.db_table)} SET {assignments} "  # noqa: S608
                f"WHERE {quote(model._meta.pk.column)} = %s"
            )
            cursor.executemany(
                sql,
                [
                    [
                        field.get_db_prep_save(getattr(obj, field.attname), connection)
                        for field in fields
                    ]
                    + [obj.pk]
                    for obj in objects
                ],
            )


def insert_rows(model, field_names, rows):
    """Insert ``rows`` (tuples of Python values, in ``field_names`` order) into
    ``model``'s table with ``executemany``: for derived data written by the thousand,
    where creating a model instance per row is most of the cost."""
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [
                [
                    field.get_db_prep_save(value, connection)
                    for field, value in zip(fields, row, strict=True)
                ]
                for row in rows
            ],
        )


def _materialise_relations(page):
    """Give every child relation an in-memory value, so that serialising the page for
    its revision reads memory instead of running one query per relation and page."""
    related = getattr(page, "_cluster_related_objects", {})
    for relation in get_all_child_relations(type(page)):
        name = relation.get_accessor_name()
        if name not in related:
            setattr(page, name, list(getattr(page, name).all()) if page.pk else [])


def unique_slug(title, taken):
    """A slug for ``title`` not in ``taken`` (which is updated): "fromagerie-2"..."""
    base = slugify(title)[:200] or "page"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def _revisions(pages, user, now):
    page_type = ContentType.objects.get_for_model(Page)
    revisions = []
    for page in pages:
        _materialise_relations(page)
        revisions.append(
            Revision(
                content_type_id=page.content_type_id,
                base_content_type_id=page_type.pk,
                object_id=str(page.pk),
                created_at=now,
                user=user,
                object_str=str(page),
                content=page.serializable_data(),
            )
        )
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    return revisions


def _log(pages, revisions, actions, user, now):
    entries = [
        PageLogEntry(
            content_type_id=page.content_type_id,
            page_id=page.pk,
            revision=revision,
            label=page.get_admin_display_title(),
            action=action,
            timestamp=now,
            user=user,
            content_changed=True,
            data={},
        )
        for page, revision in zip(pages, revisions, strict=True)
        for action in actions
    ]
    PageLogEntry.objects.bulk_create(entries, batch_size=BATCH_SIZE)


def _update_reference_index(pages):
    """What ``ReferenceIndex.create_or_update_for_object`` does, for many objects at once:
    one query for the existing references instead of one per page."""
    if not pages:
        return
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    base_content_type = ContentType.objects.get_for_model(Page)
    existing = {}
    ids = [str(page.pk) for page in pages]
    for offset in range(0, len(ids), BATCH_SIZE):
        rows = ReferenceIndex.objects.filter(
            base_content_type=base_content_type, object_id__in=ids[offset : offset + BATCH_SIZE]
        ).values_list(
            "id", "object_id", "to_content_type", "to_object_id", "model_path", "content_path"
        )
        for pk, object_id, *reference in rows:
            existing.setdefault(object_id, {})[tuple(reference)] = pk
    new, stale = [], []
    for page in pages:
        references = set(ReferenceIndex._extract_references_from_object(page))
        known = existing.get(str(page.pk), {})
        stale.extend(pk for reference, pk in known.items() if reference not in references)
        new.extend(
            ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=page.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for to_content_type_id, to_object_id, model_path, content_path in references
            - set(known)
        )
    ReferenceIndex.objects.bulk_create(new, batch_size=BATCH_SIZE, ignore_conflicts=True)
    for offset in range(0, len(stale), BATCH_SIZE):
        ReferenceIndex.objects.filter(pk__in=stale[offset : offset + BATCH_SIZE]).delete()


def _index(pages):
    """Reference index now (same database, rolled back with the rest); the search index
    through ``pages_written`` (its receiver writes database indexes in this transaction
    and search engines once it commits, see ``search.indexing``)."""
    _update_reference_index(pages)
    if pages:
        pages_written.send(sender=type(pages[0]), pages=pages)


def _save_many_to_many(pages, replace):
    """Write the in-memory values of ParentalManyToManyFields to their link tables."""
    model = type(pages[0])
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        if replace:
            ids = [page.pk for page in pages]
            for offset in range(0, len(ids), BATCH_SIZE):
                through.objects.filter(
                    **{f"{source}__in": ids[offset : offset + BATCH_SIZE]}
                ).delete()
        links = [
            through(**{f"{source}_id": page.pk, f"{target}_id": related.pk})
            for page in pages
            for related in getattr(page, field.name).all()
        ]
        through.objects.bulk_create(links, batch_size=BATCH_SIZE)


def _save_child_objects(pages):
    for relation in get_all_child_relations(type(pages[0])):
        name, field = relation.get_accessor_name(), relation.field
        objects = []
        for page in pages:
            for position, child in enumerate(getattr(page, name).all()):
                setattr(child, field.name, page)
                if hasattr(child, "sort_order") and child.sort_order is None:
                    child.sort_order = position
                objects.append(child)
        if objects:
            relation.related_model.objects.bulk_create(objects, batch_size=BATCH_SIZE)


@transaction.atomic
def create_child_pages(parent, pages, *, publish=True, user=None):
    """Insert ``pages`` (unsaved, specific, all of one type) as the last children of
    ``parent``; publish them unless ``publish`` is False (they are then drafts).

    Many-to-many values and child objects set in memory (``page.categories = [...]``,
    ``page.gallery_images = [...]``) are saved too. Slugs are made unique among the
    parent's children. Returns the pages, saved.
    """
    if not pages:
        return []
    model = type(pages[0])
    now = timezone.now()
    # Locks the parent row on PostgreSQL, so that two imports cannot take the same paths.
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last_child = parent.get_last_child()
    position = last_child._get_lastpos_in_path() if last_child else 0
    taken = set(parent.get_children().values_list("slug", flat=True))
    content_type = ContentType.objects.get_for_model(model)
    for page in pages:
        _materialise_relations(page)
        position += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, position)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = page.translation_key or uuid.uuid4()
        page.slug = unique_slug(page.slug or page.title, taken)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.live = publish
        page.has_unpublished_changes = not publish
        page.first_published_at = page.last_published_at = now if publish else None
        page.latest_revision_created_at = now
        page.owner = user
        if hasattr(page, "update_derived_fields"):
            page.update_derived_fields()

    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    bases = [Page(**{f.attname: getattr(page, f.attname) for f in base_fields}) for page in pages]
    Page.objects.bulk_create(bases, batch_size=BATCH_SIZE)
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.page_ptr_id = base.pk
        page.page_ptr = base
    # Then the specific table's rows (Django's bulk_create refuses multi-table models:
    # it would have to insert the parent rows too, which is done above).
    specific_fields = list(model._meta.local_concrete_fields)
    insert_rows(
        model,
        [field.name for field in specific_fields],
        [tuple(getattr(page, field.attname) for field in specific_fields) for page in pages],
    )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))

    _save_many_to_many(pages, replace=False)
    _save_child_objects(pages)
    revisions = _revisions(pages, user, now)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        page.live_revision = revision if publish else None
    execute_updates(pages, ["latest_revision", "live_revision"])
    _log(
        pages,
        revisions,
        ["wagtail.create", "wagtail.publish"] if publish else ["wagtail.create"],
        user,
        now,
    )
    _index(pages)
    return pages


@transaction.atomic
def save_page_changes(pages, fields, *, publish=True, user=None):
    """Save a new revision of each of ``pages`` (specific instances changed in memory).

    Published: ``fields`` and the many-to-many values are written and the revision goes
    live. Not published: only the revision is saved (a draft waiting for review); the
    live page keeps its current content.
    """
    if not pages:
        return []
    now = timezone.now()
    for page in pages:
        if hasattr(page, "update_derived_fields"):
            page.update_derived_fields()
    revisions = _revisions(pages, user, now)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        page.latest_revision_created_at = now
        page.draft_title = page.title
        page.has_unpublished_changes = not publish
        if publish:
            page.live = True
            page.live_revision = revision
            page.first_published_at = page.first_published_at or now
            page.last_published_at = now
    if publish:
        execute_updates(pages, [*fields, *_BOOKKEEPING, *_PUBLISHING])
        _save_many_to_many(pages, replace=True)
    else:
        execute_updates(pages, _BOOKKEEPING)
    _log(pages, revisions, ["wagtail.publish"] if publish else ["wagtail.edit"], user, now)
    if publish:
        _index(pages)
    return pages
