from django.core.management.base import BaseCommand

from home import demo
from home.database import refresh_planner_statistics


class Command(BaseCommand):
    help = "Load the demo content (French site and its English translation). Idempotent."

    def handle(self, *args, **options):
        # Each app registers its loader (home.demo.register_loader), in dependency order.
        for _name, load in demo.loaders():
            load(self.stdout)
        refresh_planner_statistics()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
