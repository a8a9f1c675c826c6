"""The consistency flag: the text's region word against the gazetteer's coordinates.

"Guliaipole in central Ukraine" while the gazetteer puts Hulyaypole in the south-east: the place
keeps the gazetteer's answer and records the disagreement in `Place.mismatch`.
"""

from __future__ import annotations

from eventwire.extract.places.gazetteer import COUNTRY, Gazetteer, GazetteerEntry
from eventwire.extract.places.lexicon import place_lexicon


def relative_position(gazetteer: Gazetteer, entry: GazetteerEntry) -> tuple[float, float] | None:
    """(x west->east, y south->north) of the entry inside its country's box, each 0..1."""
    box = gazetteer.country_box(entry.country_code)
    if box is None:
        return None
    south, north, west, east = box
    if north - south < 1e-6 or east - west < 1e-6:
        return None
    return (entry.lon - west) / (east - west), (entry.lat - south) / (north - south)


def compass_name(x: float, y: float) -> str:
    vertical = "northern" if y > 0.6 else "southern" if y < 0.4 else ""
    horizontal = "eastern" if x > 0.6 else "western" if x < 0.4 else ""
    if vertical and horizontal:
        return f"{vertical[:-2]}-{horizontal}"  # north-eastern
    return vertical or horizontal or "central"


def region_mismatch(
    gazetteer: Gazetteer, entry: GazetteerEntry, region_word: str, container: GazetteerEntry
) -> str | None:
    """A message when `entry` lies clearly outside the part of `container` the text names."""
    lexicon = place_lexicon()
    bounds = lexicon.region_words.get(region_word)
    if bounds is None or container.feature_code != COUNTRY or entry.country != container.country:
        return None
    position = relative_position(gazetteer, entry)
    if position is None:
        return None
    x, y = position
    margin = lexicon.region_margin
    outside = any(
        not (low - margin <= value <= high + margin)
        for axis, value in (("x", x), ("y", y))
        for low, high in [bounds.get(axis, [0.0, 1.0])]
    )
    if not outside:
        return None
    where = entry.admin1 or entry.name
    return (
        f"text says '{region_word} {container.name}'; gazetteer puts {entry.name} in {where} "
        f"({compass_name(x, y)} {container.name})"
    )
