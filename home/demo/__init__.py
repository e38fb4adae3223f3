"""Demo content (``manage.py load_demo``): the site's own pages here, each feature
app's content registered by that app from its ``AppConfig.ready()``::

    from home import demo

    demo.register_loader("news", news_demo.load, order=demo.FEATURES)

Loaders run by ``order``, then name; each is idempotent and writes a line to the
``stdout`` it is given.
"""

SITE = 10  # the page tree, home pages, support and legal pages (home.demo.site)
FEATURES = 20  # pages and snippets of the feature apps (news, directory)
ROLES = 30  # groups and workflows, once every page they apply to exists
ACCOUNTS = 40  # accounts and reviews, which need the workflows
EXTRAS = 50  # what reads everything else: search promotions, call & collect requests

_loaders = {}


def register_loader(name, load, *, order):
    _loaders[name] = (order, load)


def loaders():
    """``[(name, load)]`` in the order they run."""
    return [
        (name, load)
        for name, (order, load) in sorted(_loaders.items(), key=lambda i: (i[1][0], i[0]))
    ]
