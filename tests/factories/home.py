import factory
import wagtail_factories

from home.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page d'information {n}")
    intro = "Une page d'information générale."

    class Meta:
        model = StandardPage
