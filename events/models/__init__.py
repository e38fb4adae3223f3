from .occurrences import EventOccurrence
from .pages import AgendaIndexPage, EventDateChange, EventKind, EventPage
from .registrations import WorkshopRegistration

__all__ = [
    "AgendaIndexPage",
    "EventDateChange",
    "EventKind",
    "EventOccurrence",
    "EventPage",
    "WorkshopRegistration",
]
