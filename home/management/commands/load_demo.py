from django.core.management.base import BaseCommand

from home.demo import site
from news.demo import load as news


class Command(BaseCommand):
    help = "Load the demo content (French site and its English translation). Idempotent."

    # Each app adds its own demo loader here, in dependency order.
    loaders = [site.load, news.load]

    def handle(self, *args, **options):
        for load in self.loaders:
            load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
