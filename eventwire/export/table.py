"""Events as a readable terminal table (`eventwire events`)."""

from __future__ import annotations

from rich.table import Table

from eventwire.store import EventRow

SNIPPET_CHARS = 90


def party_label(row: EventRow, role: str) -> str:
    """Name, else the text span, with the country code: 'Vladimir Putin (RUS)'."""
    label = row.get(f"{role}_name") or row.get(f"{role}_text") or ""
    country = row.get(f"{role}_country")
    if country and country not in label:
        label = f"{label} ({country})" if label else country
    return label


def count_label(row: EventRow, kind: str) -> str:
    best, low, high = row.get(f"{kind}_best"), row.get(f"{kind}_low"), row.get(f"{kind}_high")
    if best is not None:
        return str(best)
    if low is not None:
        return f"{low}+" if high is None else f"{low}-{high}"
    return "" if high is None else f"≤{high}"


def evidence_snippet(row: EventRow, width: int = SNIPPET_CHARS) -> str:
    """The evidence sentence, cut to `width` characters around the trigger."""
    sentence = " ".join((row.get("evidence_sentence") or "").split())
    if len(sentence) <= width:
        return sentence
    trigger_at = (row.get("trigger_start") or 0) - (row.get("evidence_start") or 0)
    first = max(0, min(trigger_at - width // 3, len(sentence) - width))
    snippet = sentence[first : first + width]
    return ("…" if first else "") + snippet + ("…" if first + width < len(sentence) else "")


def events_table(rows: list[EventRow], total: int | None = None) -> Table:
    caption = f"{len(rows)} of {total} events" if total is not None and total != len(rows) else f"{len(rows)} events"
    table = Table(caption=caption, show_lines=False)
    for header in ("date", "type", "mode", "status", "dead/inj."):
        table.add_column(header, no_wrap=True)
    table.add_column("actor → recipient", overflow="fold", max_width=36)
    table.add_column("location", overflow="fold", max_width=24)
    table.add_column("evidence", overflow="fold", ratio=1, min_width=30)
    for row in rows:
        parties = party_label(row, "actor")
        if recipient := party_label(row, "recipient"):
            parties = f"{parties} → {recipient}"
        location = ", ".join(part for part in (row.get("location_name"), row.get("location_country")) if part)
        dead, injured = count_label(row, "dead"), count_label(row, "injured")
        table.add_row(
            row.get("date_value") or "",
            row.get("type") or "",
            row.get("mode") or "",
            row.get("status") or "",
            f"{dead}/{injured}" if dead or injured else "",
            parties,
            location,
            evidence_snippet(row),
        )
    return table
