"""Time expressions (TimeTagger) and event dates (EventDater).

TimeTagger finds time expressions and gives each a TIMEX3 value relative to the document's
publication date; EventDater dates each event from the expression that governs it.
"""

from eventwire.extract.times.event_dates import EventDater
from eventwire.extract.times.tagger import TimeTagger

__all__ = ["EventDater", "TimeTagger"]
