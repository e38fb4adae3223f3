from .date_changes import EventDateChange
from .occurrences import EventOccurrence
from .pages import AgendaIndexPage, EventKind, EventPage
from .registrations import WorkshopRegistration

__all__ = [
    "AgendaIndexPage",
    "EventDateChange",
    "EventKind",
    "EventOccurrence",
    "EventPage",
    "WorkshopRegistration",
]
