"""How merchants appear in site search: their kind and the directory's filters.

Registered from ``MerchantsConfig.ready()`` (``search.kinds``, ``search.directory``):
search knows no merchant model of its own.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from merchants import open_periods
from merchants.choices import SERVICE_FIELDS, Service
from merchants.models import Category, Commune, MerchantIndexPage, MerchantPage
from search import directory, kinds
from search.results import SearchResult, other_language


def merchant_documents(builder):
    """``fill(document, merchant)`` for a batch being indexed: the categories of the
    whole batch are loaded in two queries, with their names in every language."""
    links = MerchantPage.categories.through.objects.filter(
        merchantpage_id__in=[obj.pk for obj in builder.objects]
    ).values_list("merchantpage_id", "category_id")
    categories = {category.pk: category for category in Category.objects.all()}
    names = {}
    for category in categories.values():
        names.setdefault(category.translation_key, {})[builder.language(category)] = category.name
    per_merchant = {}
    for merchant_id, category_id in links:
        category = categories[category_id]
        parent = categories.get(category.parent_id)
        per_merchant.setdefault(merchant_id, []).append(
            (
                category.translation_key,
                names[category.translation_key],
                names[parent.translation_key] if parent else {},
            )
        )

    def fill(document, merchant):
        language = document.language
        category_names = []
        for key, names_by_language, parent_names in per_merchant.get(merchant.pk, []):
            category_names.append(
                names_by_language.get(language) or next(iter(names_by_language.values()))
            )
            document.category_keys.append(str(key))
            document.category_names.append((names_by_language, parent_names))
        commune = merchant.commune
        document.categories = " ".join(category_names)
        document.commune = f"{commune.name} {commune.postcodes.replace(',', ' ')}"
        document.commune_id = merchant.commune_id
        document.services = [service.value for service in merchant.services]
        document.suggest = merchant.title

    return fill


def merchant_results(ids, context):
    """``{page id: SearchResult}`` for the merchants among ``ids`` (one query, plus
    their categories)."""
    language = context.scope.locale.language_code
    merchants = (
        MerchantPage.objects.filter(pk__in=ids)
        .select_related("commune", "locale")
        .prefetch_related("categories")
    )
    # An untranslated shop found on another language's search is shown at that
    # language's directory (merchants.english_view), not sent to its French page.
    directory = MerchantIndexPage.objects.live().filter(locale=context.scope.locale).first()
    directory_url = directory.get_url(context.request) if directory is not None else None
    results = {}
    for merchant in merchants:
        shown_in = other_language(merchant, language)
        url = merchant.get_url(context.request)
        if shown_in and directory_url and shown_in == settings.LANGUAGE_CODE:
            url = f"{directory_url}{merchant.slug}/"
        names = [
            context.categories_by_key.get(str(category.translation_key), category).name
            for category in merchant.categories.all()
        ]
        results[merchant.pk] = SearchResult(
            kind="merchant",
            title=merchant.title,
            url=url,
            summary=merchant.description or merchant.listing_summary,
            commune=merchant.commune.name,
            categories=names,
            language=shown_in,
            status=merchant.status(context.now),
            services=merchant.services,
        )
    return results


def register():
    kinds.register(
        kinds.SearchKind(
            key="merchant",
            model=MerchantPage,
            label=_("Commerce"),
            plural_label=_("Commerces"),
            documents=merchant_documents,
            results=merchant_results,
            in_directory=True,
            order=10,
        )
    )
    directory.register(
        directory.Directory(
            model=MerchantPage,
            category_model=Category,
            commune_model=Commune,
            category_links=MerchantPage.categories.through,
            link_place_field="merchantpage_id",
            services=tuple(
                directory.Service(
                    code=service.value,
                    field_name=SERVICE_FIELDS[service],
                    label=lambda service=service: service.label,
                )
                for service in Service
            ),
            # Looked up at each call: tests move the directory's clock.
            open_now=lambda *args: open_periods.filter_open_now(*args),
            open_on=lambda *args: open_periods.filter_open_on(*args),
            now=lambda: open_periods.current_time(),
        )
    )
