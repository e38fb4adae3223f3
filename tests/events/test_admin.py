"""The communications team writes events in the admin: dates as plain choices stored as
an RFC 5545 rule, impossible dates refused with a message and nothing saved."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import AgendaIndexPage, EventPage
from home.models import HomePage, StandardPage
from merchants.models import Commune


def event_form(**overrides):
    data = {
        "title": "Marché de Noël de Tain",
        "slug": "marche-de-noel-de-tain",
        "kind": "marche",
        "lead": "Chalets et produits du terroir.",
        "body": streamfield([]),
        "start_date": "2026-12-05",
        "start_time": "10:00",
        "end_date": "",
        "end_time": "19:00",
        "repeat": "weekly",
        "repeat_interval": "1",
        "repeat_weekdays": ["SA", "SU"],
        "repeat_position": "1",
        "repeat_weekday": "SU",
        "repeat_until": "2026-12-20",
        "repeat_count": "",
        "date_changes": inline_formset([]),
        "place_name": "Place du Taurobole",
        "street_address": "",
        "commune": str(Commune.objects.get(insee_code="26347").pk),
        "latitude": "45.07",
        "longitude": "4.845",
        "organiser": "",
        "price": "",
        "price_note": "",
        "capacity": "",
        "accessibility": "",
        "link": "",
    }
    data.update(overrides)
    weekdays = data.pop("repeat_weekdays")
    form = nested_form_data(data)
    form["repeat_weekdays"] = weekdays  # a multiple choice, not a nested list
    return form


class EventAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.agenda = AgendaIndexPage.objects.get(locale__language_code="fr")

    def setUp(self):
        self.login()

    def add_url(self):
        return f"/admin/pages/add/events/eventpage/{self.agenda.pk}/"

    def test_page_type_rules(self):
        self.assertAllowedSubpageTypes(AgendaIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {AgendaIndexPage})
        self.assertAllowedParentPageTypes(AgendaIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)

    def test_create_a_weekly_event_stores_the_rule_and_shows_the_choices_again(self):
        self.assertCanCreate(self.agenda, EventPage, event_form())
        page = EventPage.objects.get(slug="marche-de-noel-de-tain")
        assert page.recurrence == "FREQ=WEEKLY;UNTIL=20261220T225959Z;BYDAY=SA,SU"
        edit = self.client.get(f"/admin/pages/{page.pk}/edit/")
        form = edit.context["form"]
        assert form["repeat"].value() == "weekly"
        assert form["repeat_weekdays"].value() == ["SA", "SU"]
        assert str(form["repeat_until"].value()) == "2026-12-20"

    def _refused(self, message, **overrides):
        before = EventPage.objects.count()
        response = self.client.post(self.add_url(), event_form(**overrides))
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert EventPage.objects.count() == before

    def test_end_before_start_is_refused(self):
        self._refused("La fin ne peut pas être avant le début.", end_date="2026-12-04")

    def test_end_time_before_start_time_is_refused(self):
        self._refused("La fin ne peut pas être avant le début.", end_time="09:00")

    def test_a_recurrence_producing_no_date_is_refused(self):
        # Every Saturday and Sunday until 4 December, from Saturday 5 December.
        self._refused("Cette répétition ne donne aucune date", repeat_until="2026-12-04")

    def test_until_and_count_together_are_refused(self):
        self._refused("Indiquez une date de fin ou un nombre de fois", repeat_count="3")

    def test_a_workshop_needs_at_least_one_seat(self):
        self._refused(
            "Assurez-vous que cette valeur est supérieure ou égale à 1.",
            kind="atelier",
            capacity="0",
            repeat="",
        )
        self._refused("Un atelier a un nombre de places", kind="atelier", capacity="", repeat="")

    def test_a_place_is_required(self):
        self._refused("Indiquez le lieu, ou choisissez un commerce", place_name="", repeat="")

    def test_a_year_typed_wrong_is_refused_without_error_page(self):
        self._refused("Choisissez une date entre", start_date="9999-12-05")
