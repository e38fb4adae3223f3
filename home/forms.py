"""The admin's page form for every page of the site (``BasePage.base_form_class``).

- **Choosers of translatable snippets offer the page's language only.** A French news
  item lists the French topics, not the English ones beside them; an English page
  (edited outside the translation editor) lists the English ones, its French choices
  shown as their English versions. Any field of the form that chooses a translatable
  snippet (topics, categories, and whatever comes next) gets this, checkboxes and
  chooser modals alike (``LocaleChoicesMixin``, also used by snippet forms).
- **Lists read in reading order.** Every list of objects the form offers (communes,
  categories, topics) is sorted as French sorts them ("Érôme" with the E's), not by
  code point (``home.collation.collate_choices``); chooser modals keep Wagtail's order.
- **Errors in another tab are named at the top.** The editor opens on its first tab; a
  refused slug sits in "Promotion", marked only by a small counter on that tab. When a
  field outside the first tab is refused, the form adds an error saying which tabs hold
  which fields, and Wagtail then lists every error, with its field, in the message at
  the top of the page.
"""

from django.forms import ModelChoiceField
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets import BaseChooser
from wagtail.models import Page, TranslatableMixin

from home.collation import collate_choices

# wagtail.blocks.StreamBlockValidationError's message (not marked for translation).
STREAM_BLOCK_ERROR = "Validation error in StreamBlock"


def _translatable_snippet(queryset):
    model = getattr(queryset, "model", None)
    return (
        model is not None
        and issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)  # page choosers may link across languages
    )


class _LocaleChooserURL:
    """The chooser modal's address with ``?locale=``: it opens on that language."""

    def __init__(self, get_url, language_code):
        self.get_url = get_url
        self.language_code = language_code

    def __call__(self):
        return f"{self.get_url()}?locale={self.language_code}"


class LocaleChoicesMixin:
    """Fields choosing translatable snippets offer those in the instance's locale."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = getattr(self.instance, "locale", None) if self.instance.locale_id else None
        if locale is None:
            return
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if not _translatable_snippet(queryset):
                continue
            field.queryset = queryset.filter(locale_id=locale.pk)
            self._show_choices_in_locale(name, queryset.model, locale)
            if isinstance(field.widget, BaseChooser):
                field.widget.get_chooser_modal_url = _LocaleChooserURL(
                    field.widget.get_chooser_modal_url, locale.language_code
                )

    def _show_choices_in_locale(self, name, model, locale):
        """Current choices in another language (an English page pointing at French
        topics, as translations do) are shown as their versions in this one."""
        initial = self.initial.get(name)
        if initial in (None, "", []):
            return
        # A many-to-many field's initial value is a list or a queryset of objects.
        many = not isinstance(initial, str | int) and hasattr(initial, "__iter__")
        values = [getattr(value, "pk", value) for value in (initial if many else [initial])]
        keys = list(model.objects.filter(pk__in=values).values_list("translation_key", flat=True))
        in_locale = list(
            model.objects.filter(translation_key__in=keys, locale_id=locale.pk).values_list(
                "pk", flat=True
            )
        )
        self.initial[name] = in_locale if many else (in_locale[0] if in_locale else None)


class LocaleSnippetForm(LocaleChoicesMixin, WagtailAdminModelForm):
    """The admin form of translatable snippets (a category's parent category)."""


class SitePageForm(LocaleChoicesMixin, WagtailAdminPageForm):
    """The admin's form of every page type (see the module docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, ModelChoiceField) and not isinstance(field.widget, BaseChooser):
                collate_choices(field)

    def is_valid(self):
        valid = super().is_valid()
        if not valid and not getattr(self, "_tabs_named", False):
            self._tabs_named = True
            summary = self._errors_outside_first_tab()
            if summary:
                self._translate_stream_errors()
                self.add_error(None, summary)
        return valid

    def _translate_stream_errors(self):
        """With a form-wide error, Wagtail lists every error with its field at the top;
        a StreamField's is Wagtail's untranslated "Validation error in StreamBlock"
        (its blocks show the details)."""
        for errors in self._errors.values():
            for error in errors.as_data():
                if getattr(error, "message", None) == STREAM_BLOCK_ERROR:
                    error.message = _("Un ou plusieurs blocs sont à corriger.")

    def _errors_outside_first_tab(self):
        """ "Errors in the tab « Promotion »: Slug." for the refused fields that the
        editor does not show first, or None."""
        tabs = _tabs(type(self.instance))
        if len(tabs) < 2:
            return None
        named = []
        for heading, fields, formsets in tabs[1:]:
            labels = [
                str(self.fields[name].label or name)
                for name in self.errors
                if name in fields and name in self.fields
            ]
            labels += [
                str(name)
                for name, formset in self.formsets.items()
                if name in formsets and not formset.is_valid()
            ]
            if labels:
                named.append(
                    _("onglet « %(tab)s » : %(fields)s")
                    % {"tab": heading, "fields": ", ".join(labels)}
                )
        if not named:
            return None
        return _("Des champs d'autres onglets sont aussi à corriger (%(tabs)s).") % {
            "tabs": " ; ".join(named)
        }


def _tabs(page_class):
    """``[(heading, field names, formset names)]`` of the editor's tabs, in order."""
    edit_handler = page_class.get_edit_handler()
    tabs = []
    for tab in edit_handler.children:
        options = tab.get_form_options()
        tabs.append(
            (tab.heading, set(options.get("fields", [])), set(options.get("formsets", {})))
        )
    return tabs
