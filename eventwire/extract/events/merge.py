"""Pass: merge mentions of one act: "killing one", "dozens wounded" beside an attack in the same
sentence are that attack's outcome, not another event."""

from __future__ import annotations

from eventwire.extract.events.candidate import Sentence


def merge_mentions(sentence: Sentence) -> None:
    live = sentence.live()
    main_types = {candidate.type for candidate in live if not candidate.trigger.sense.consequence}
    for candidate in live:
        if candidate.trigger.sense.consequence and candidate.type in main_types:
            candidate.dropped = "outcome of another event"
