import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from home.roles import COMMUNICATION, TRANSLATION
from merchants.portal.accounts import silence_admin_notifications
from merchants.portal.models import MerchantAccount


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"commercant{n}@commerces.example")
    email = factory.SelfAttribute("username")
    password = factory.django.Password("mot-de-passe-solide-42")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True


class MerchantAccountFactory(factory.django.DjangoModelFactory):
    """A merchant who chose a password (``mot-de-passe-solide-42``); pass ``merchant``."""

    user = factory.SubFactory(UserFactory)
    language = "fr"
    activated_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = MerchantAccount
        skip_postgeneration_save = True

    @factory.post_generation
    def quiet(obj, create, extracted, **kwargs):
        if create:
            silence_admin_notifications(obj.user)


class TeamMemberFactory(UserFactory):
    """A member of the communications team, who reviews merchants' changes."""

    username = factory.Sequence(lambda n: f"redaction{n}")
    email = factory.Sequence(lambda n: f"redaction{n}@agglo.example")

    @factory.post_generation
    def team(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=COMMUNICATION))


class TranslatorFactory(UserFactory):
    """A member of the "Traduction" group, who translates the English site."""

    username = factory.Sequence(lambda n: f"traduction{n}")
    email = factory.Sequence(lambda n: f"traduction{n}@agglo.example")

    @factory.post_generation
    def translators(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=TRANSLATION))
