from django.core.management.base import BaseCommand

from home import roles
from home.database import refresh_planner_statistics
from home.demo import site
from merchants.collect import demo as call_collect
from merchants.demo import load as merchants
from merchants.portal import demo as merchant_portal
from news.demo import load as news
from search import demo as search_demo


class Command(BaseCommand):
    help = "Load the demo content (French site and its English translation). Idempotent."

    # Each app adds its own demo loader here, in dependency order.
    loaders = [site.load, news.load, merchants, roles.load, merchant_portal.load]
    loaders.append(search_demo.load)  # the search page, popular searches, a promotion
    loaders.append(call_collect.load)  # pickup slots, demo requests, the report permission

    def handle(self, *args, **options):
        for load in self.loaders:
            load(self.stdout)
        refresh_planner_statistics()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
