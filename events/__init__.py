"""The agenda: markets, shop events and workshops for merchants.

The package's name is also that of the PyPI package "Events", which opensearch-py (the
``search`` extra) imports as ``from events import Events``: a project's top-level
package comes first on the path, so that import would find this app and the search
engine's client would not load. This package therefore also offers that library's two
names, loaded from the library's own file, when the library is installed.
"""

import importlib.metadata
import importlib.util


def _library():
    try:
        path = importlib.metadata.distribution("Events").locate_file("events/events.py")
    except importlib.metadata.PackageNotFoundError:
        return None
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("events._library", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_events_library = _library()
if _events_library is not None:
    Events = _events_library.Events
    EventsException = _events_library.EventsException
