"""Places: offline geoparsing (PlaceResolver) and event location (EventLocator).

PlaceResolver finds toponyms (toponyms.py), resolves them against the cached GeoNames gazetteer
(gazetteer.py, resolve.py), marks places standing for governments as actors as the actor resolver
decided (ctx.metonymy, extract/actors/metonymy.py) and flags descriptors that contradict the
gazetteer (consistency.py). EventLocator (event_location.py) picks, for each event, the place where
it happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventwire.extract.places.consistency import region_mismatch
from eventwire.extract.places.dateline import dateline_place, report_town
from eventwire.extract.places.event_location import locate_events
from eventwire.extract.places.gazetteer import (
    ADMIN1,
    CONTINENT,
    COUNTRY,
    NATURAL_CODES,
    Gazetteer,
    GazetteerEntry,
    load_gazetteer,
)
from eventwire.extract.places.lexicon import is_seat_of_government, place_data, place_lexicon
from eventwire.extract.places.repeated_names import abbreviated_mentions, repeated_mentions
from eventwire.extract.places.resolve import Resolution, resolve_mentions
from eventwire.extract.places.scoring import is_town
from eventwire.extract.places.toponyms import after_site_preposition, detect_mentions, names_a_site
from eventwire.extract.places.variants import name_key
from eventwire.model import Place
from eventwire.nlp.parse import text_of
from eventwire.registry import component

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventwire.context import DocContext
    from eventwire.extract.actors.metonymy import MetonymyDecision

CONFIDENCE_BY_MATCH = {"exact": 0.85, "alias": 0.75, "variant": 0.55, "unresolved": 0.2}
# "caught at Salt + Smoke": before a name, these make it a venue (not "in": "the war in Bosnia" may lie abroad)
VENUE_PREPS = frozenset({"at"})
# Places that can stand for a government ("Moscow said", "France's position"): capitals and countries.
GOVERNMENT_FEATURES = {"PPLC", COUNTRY}


@dataclass
class PlaceMention:
    """A place with the token span it came from (ctx.place_mentions, for EventLocator)."""

    place: Place
    token_start: int
    token_end: int
    label: str  # NER label or PROPN
    is_demonym: bool
    resolved: bool = True  # False: a named place the gazetteer lacks (coordinates, if any, from its container)
    anchor_feature: str | None = None  # feature code of the container lending the coordinates
    inside_town: bool = False  # unresolved, and the text says a town holds it ("the Maadi district of Cairo")


DEMONYM_ENDINGS = place_data("descriptors.yaml").sequence("demonym_endings")
DEMONYM_PLACES = NATURAL_CODES | {COUNTRY, CONTINENT, ADMIN1}  # "Central American migrants", "Siberian winter"


def is_demonym_mention(text: str, label: str, pos: str, entry) -> bool:
    """ "Russian", "Ukrainian", "European", "Kurdish": a nationality word standing for a place."""
    if entry is None or entry.feature_code not in DEMONYM_PLACES or name_key(text) == name_key(entry.name):
        return False
    if label == "NORP" or pos == "ADJ":
        return True
    return entry.feature_code != "ADM1" and text.lower().endswith(DEMONYM_ENDINGS)


def place_sites_in_home_town(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "on Royal Street", "at Northwestern Memorial Hospital": a named street or building the gazetteer lacks and
    whose town the text does not give lies in the town the report is about (its dateline's, else the one town it
    names: dateline.py), and is listed at that town's point (precision 2 when it locates an event)."""
    sites = [m for m in mentions if not m.resolved and m.place.lat is None and _site_or_quarter(doc, m)]
    if not sites:
        return mentions
    rules = place_data("event_location.yaml")
    home = dateline_place(text_of(doc), mentions) or report_town(
        doc, mentions, rules["report_lead_sentences"], rules["dateline_town_km"]
    )
    if home is None or not is_town_code(home.place.feature_code):
        return mentions
    town = home.place
    for mention in sites:
        place = mention.place
        place.lat, place.lon, place.country, place.admin1 = town.lat, town.lon, town.country, town.admin1
        mention.anchor_feature, mention.inside_town = town.feature_code, True
    return mentions


def place_at(text: str, start: int, end: int, entry: GazetteerEntry | None, role: str, confidence: float) -> Place:
    """A mention's Place at the gazetteer entry it resolves to (all None where it resolves to none)."""
    return Place(
        text=text,
        start=start,
        end=end,
        geonameid=entry.geonameid if entry else None,
        name=entry.name if entry else None,
        lat=round(entry.lat, 5) if entry else None,
        lon=round(entry.lon, 5) if entry else None,
        country=entry.country or None if entry else None,
        admin1=entry.admin1 if entry else None,
        feature_code=entry.feature_code if entry else None,
        role=role,
        confidence=confidence,
    )


def _site_or_quarter(doc: Doc, mention: PlaceMention) -> bool:
    """A named street or building ("Royal Street"), or a name NER calls a place that the text names as a venue or
    a quarter ("caught at Salt + Smoke", "in the St. Louis Hills area"): in a local report, a part of its town. Not a
    name after a bare "in" ("the war in Bosnia" in a WASHINGTON report lies abroad), nor an acronym ("at OT")."""
    if names_a_site(mention.place.text):
        return True
    text = mention.place.text
    if mention.label not in {"GPE", "LOC", "FAC"} or (text.isupper() and len(text) <= 3):
        return False
    after = doc[mention.token_end] if mention.token_end < len(doc) else None
    quarter = after is not None and after.lower_ in place_lexicon().quarter_nouns
    return quarter or after_site_preposition(doc, mention.token_start, VENUE_PREPS)


def _a_venue_or_facility(doc: Doc, mention) -> bool:
    """ "at the Palais des Nations", "the Supreme People's Court": a name after a site preposition, or one ending in
    a facility word; not "a Labour MP in north London"."""
    last = mention.text.split()[-1].lower() if mention.text.split() else ""
    return after_site_preposition(doc, mention.start) or last in place_lexicon().facility_words


def _at_its_town(mention: PlaceMention) -> bool:
    """In a town the text names: "the Maadi district of Cairo", "Crossroads Correctional Center in Shelby"."""
    in_town = mention.inside_town or (names_a_site(mention.place.text) and is_town_code(mention.anchor_feature))
    return in_town and mention.place.lat is not None


def _carried_reading(resolution: Resolution) -> bool:
    """A town by its own name; a country or region also by an alias ("U.S."). A town's alias ("Allah", "Tavern")
    is too often a word that only shares its spelling to be carried to every occurrence."""
    entry = resolution.entry
    if entry is None or resolution.how not in {"exact", "alias"}:
        return False
    return resolution.how == "exact" or entry.feature_code in {COUNTRY, "ADM1", "CONT"}


def _supported(mention) -> bool:
    """Read as a place by NER's GPE/LOC label, a descriptor or a container, not by the name or a preposition alone
    ("a stake in Nashua" names a company)."""
    return mention.strong or mention.container is not None


def _role(metonymy: MetonymyDecision, start: int, end: int, root: Token, feature_code: str | None) -> str:
    """ "actor" where the name stands for its government or people ("Moscow said"), else "location"."""
    return "actor" if metonymy.is_actor(start, end, root, feature_code in GOVERNMENT_FEATURES) else "location"


def is_town_code(feature_code: str | None) -> bool:
    return (feature_code or "").startswith("PPL")


@component("places", requires=["metonymy"], assigns=["result.places", "place_mentions"])
class PlaceResolver:
    """Pipeline component: fills ctx.result.places (both roles) and ctx.place_mentions."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()
        place_lexicon()

    def __call__(self, ctx: DocContext) -> None:
        mentions = place_sites_in_home_town(ctx.doc, self.find_places(ctx.doc, ctx.metonymy))
        # Named places the gazetteer cannot place stay out of the list (they can still locate an event), unless the
        # text names the town holding them ("the Maadi district of Cairo"): then they are listed at the town's point.
        ctx.result.places.extend(mention.place for mention in mentions if mention.resolved or _at_its_town(mention))
        ctx.place_mentions = mentions

    def find_places(self, doc: Doc, metonymy: MetonymyDecision) -> list[PlaceMention]:
        resolutions = resolve_mentions(self.gazetteer, detect_mentions(doc), doc)
        # a container reads as the article reads it ("Atlantic Avenue in Garden City" of a South Carolina story)
        read_here = {r.mention.start_char: r.entry for r in resolutions if r.entry is not None}
        found = [self._place_mention(doc, resolution, metonymy, read_here) for resolution in resolutions]
        carried = [
            mention
            for mention, resolution in zip(found, resolutions, strict=True)
            if _carried_reading(resolution) and not mention.is_demonym and _supported(resolution.mention)
        ]
        found.extend(self._seats_of_government(doc, found))
        found.extend(self._with_roles(doc, repeated_mentions(doc, found, carried), metonymy))
        initials_sources = found + self._people_named_by_nation(doc)
        abbreviated = self._with_roles(doc, abbreviated_mentions(doc, initials_sources), metonymy)
        replaced = {mention.token_start for mention in abbreviated}  # "WA" that NER calls GPE but the gazetteer lacks
        found = [mention for mention in found if mention.resolved or mention.token_start not in replaced] + abbreviated
        return sorted(found, key=lambda mention: mention.place.start)

    def _place_mention(
        self, doc: Doc, resolution: Resolution, metonymy: MetonymyDecision, read_here: dict[int, GazetteerEntry]
    ) -> PlaceMention:
        mention, entry = resolution.mention, resolution.entry
        span = doc[mention.start : mention.end]
        is_demonym = is_demonym_mention(mention.text, mention.label, span.root.pos_, entry)
        feature_code = entry.feature_code if entry is not None else None
        role = _role(metonymy, mention.start_char, mention.end_char, span.root, feature_code)
        confidence = CONFIDENCE_BY_MATCH[resolution.how] * (0.7 if is_demonym else 1.0)
        place = place_at(mention.text, mention.start_char, mention.end_char, entry, role, confidence)
        if entry is not None and mention.region_word and mention.container is not None:
            container = self._container_entry(mention.container, read_here)
            if container is not None:
                place.mismatch = region_mismatch(self.gazetteer, entry, mention.region_word, container)
        if entry is None:
            return self._unresolved(doc, mention, place, is_demonym, read_here)
        return PlaceMention(place, mention.start, mention.end, mention.label, is_demonym)

    def _unresolved(
        self, doc: Doc, mention, place: Place, is_demonym: bool, read_here: dict[int, GazetteerEntry]
    ) -> PlaceMention:
        """A named place the gazetteer lacks: "the Bardo Museum in Tunis" borrows Tunis's point."""
        container = self._container_entry(mention.container, read_here) if mention.container is not None else None
        if container is not None:
            place.lat, place.lon = round(container.lat, 5), round(container.lon, 5)
            place.country, place.admin1 = container.country or None, container.admin1
        place.name = mention.text
        return PlaceMention(
            place,
            mention.start,
            mention.end,
            mention.label,
            is_demonym,
            resolved=False,
            anchor_feature=container.feature_code if container is not None else None,
            inside_town=(mention.inside_container or (mention.placed_in and _a_venue_or_facility(doc, mention)))
            and container is not None
            and is_town(container),
        )

    def _container_entry(self, container_mention, read_here: dict[int, GazetteerEntry]):
        """The container's entry as the article reads it, else as its name alone reads."""
        if container_mention.start_char in read_here:
            return read_here[container_mention.start_char]
        resolutions = resolve_mentions(self.gazetteer, [container_mention])
        return resolutions[0].entry if resolutions else None

    @staticmethod
    def _with_roles(doc: Doc, mentions: list[PlaceMention], metonymy: MetonymyDecision) -> list[PlaceMention]:
        """Each repeated mention's role decided at its own position ("Montana offered $69": an actor)."""
        for mention in mentions:
            place = mention.place
            root = doc[mention.token_start : mention.token_end].root
            place.role = _role(metonymy, place.start, place.end, root, place.feature_code)
        return mentions

    def _people_named_by_nation(self, doc: Doc) -> list[PlaceMention]:
        """ "South Africans", "New Zealanders": a people's name says the article names its nation, whose initials
        ("SA", "NZ") may stand for it later; such a word is no place itself (no toponym is listed for it)."""
        found = []
        for ent in doc.ents:
            if ent.label_ != "NORP" or len(ent) < 2:
                continue
            key = name_key(ent.text[:-1] if ent.text.endswith("s") else ent.text)
            entries = [entry for entry, _ in self.gazetteer.lookup(key) if entry.feature_code in {COUNTRY, ADMIN1}]
            if len(entries) != 1:
                continue
            confidence = CONFIDENCE_BY_MATCH["alias"]
            place = place_at(ent.text, ent.start_char, ent.end_char, entries[0], "location", confidence)
            found.append(PlaceMention(place, ent.start, ent.end, "NORP", True))
        return found

    def _seats_of_government(self, doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
        """ "the Kremlin", "the White House": actors anchored to their capital."""
        taken = [(m.place.start, m.place.end) for m in found]
        seats = []
        for ent in doc.ents:
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            start_char = ent.end_char - len(text)
            if not is_seat_of_government(text) or any(start_char < e and s < ent.end_char for s, e in taken):
                continue
            city = place_lexicon().seats_of_government[text.strip()]
            entries = sorted(self.gazetteer.lookup(name_key(city)), key=lambda pair: -pair[0].population)
            capital = next((entry for entry, _ in entries if entry.feature_code == "PPLC"), None)
            place = Place(
                text=text,
                start=start_char,
                end=ent.end_char,
                geonameid=capital.geonameid if capital else None,
                name=text,
                lat=capital.lat if capital else None,
                lon=capital.lon if capital else None,
                country=capital.country if capital else None,
                admin1=capital.admin1 if capital else None,
                feature_code="BLDG",
                role="actor",
                confidence=0.8,
            )
            seats.append(PlaceMention(place, ent.start + (1 if ent.text != text else 0), ent.end, ent.label_, False))
        return seats


@component("event_locations", requires=["result.events", "place_mentions"])
class EventLocator:
    """Pipeline component (after events): sets each event's `location` (see event_location.py)."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or load_gazetteer()

    def __call__(self, ctx: DocContext) -> None:
        locate_events(ctx.doc, ctx.result.events, ctx.place_mentions, self.gazetteer)
